// src/render/render-path.ts is the one seam between the reference path and the fast path: it reads
// NEWSLETTER_RENDER, and everything that compiles MJML or writes a message goes through it. These tests hold
// it to that: the switch, its error, both paths' answers for the same input, and no other way in.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterEach, describe, expect, it } from 'vitest';
import { mailOptions } from '../../src/output/eml.js';
import { messageBytes, mjmlToHtml, renderPath, renderPathProblem } from '../../src/render/render-path.js';
import { REPO } from '../helpers/project.js';

const before = process.env.NEWSLETTER_RENDER;
afterEach(() => {
  if (before === undefined) delete process.env.NEWSLETTER_RENDER;
  else process.env.NEWSLETTER_RENDER = before;
});

/** Runs `work` on each path in turn. */
async function bothWays<T>(work: () => Promise<T>): Promise<[T, T]> {
  process.env.NEWSLETTER_RENDER = 'fast';
  const fast = await work();
  process.env.NEWSLETTER_RENDER = 'reference';
  return [fast, await work()];
}

describe('the render path', () => {
  it('is fast unless NEWSLETTER_RENDER says reference; any other value is an error that says what to use', () => {
    expect(renderPath({})).toBe('fast');
    expect(renderPath({ NEWSLETTER_RENDER: '' })).toBe('fast');
    expect(renderPath({ NEWSLETTER_RENDER: 'fast' })).toBe('fast');
    expect(renderPath({ NEWSLETTER_RENDER: 'reference' })).toBe('reference');
    expect(renderPathProblem({ NEWSLETTER_RENDER: 'reference' })).toBeUndefined();
    const problem =
      'NEWSLETTER_RENDER="Reference" is not a render path: use "fast" (the default) or "reference"';
    expect(renderPathProblem({ NEWSLETTER_RENDER: 'Reference' })).toBe(problem);
    expect(() => renderPath({ NEWSLETTER_RENDER: 'Reference' })).toThrow(problem);
  });

  it('gives the same HTML both ways, inline CSS and errors included', async () => {
    const doc = `<mjml><mj-head><mj-style inline="inline">.t p { margin: 0; color: #333333; }</mj-style></mj-head>
      <mj-body><mj-section><mj-column><mj-text css-class="t"><p>Café &amp; “bar”</p></mj-text>
      <mj-image src="https://example.com/a.png" alt="A" /></mj-column></mj-section></mj-body></mjml>`;
    const [fast, reference] = await bothWays(() => mjmlToHtml(doc));
    expect(fast.errors).toEqual([]);
    expect(fast.html).toContain('style="margin: 0; color: #333333;"');
    expect(fast.html).toBe(reference.html);

    const broken =
      '<mjml><mj-body><mj-section><mj-text>not in a column</mj-text></mj-section></mj-body></mjml>';
    const [fastErrors, referenceErrors] = await bothWays(async () => (await mjmlToHtml(broken)).errors);
    expect(fastErrors.length).toBeGreaterThan(0);
    expect(fastErrors).toEqual(referenceErrors);
  });

  it('writes the same message both ways', async () => {
    const compile = () => {
      const node = new MailComposer(
        mailOptions({
          from: 'Field Notes <editor@fieldnotes.example.com>',
          subject: 'Héllo',
          date: new Date('2026-11-20T00:00:00Z'),
          html: '<p>Héllo, “world”</p>',
          text: 'Héllo, “world”  \n',
          language: 'en',
          listId: 'Field Notes <fieldnotes.example.com>',
          unsubscribeUrl: 'https://fieldnotes.example.com/unsubscribe?e=a',
          oneClick: true,
        }) as ConstructorParameters<typeof MailComposer>[0],
      ).compile();
      node.keepBcc = false;
      return node;
    };
    const [fast, reference] = await bothWays(() => messageBytes(compile()));
    expect(fast.toString('latin1')).toBe(reference.toString('latin1'));
  });

  it('is the only way into render/fast/ and render/reference.ts from the rest of src/', () => {
    const src = join(REPO, 'src');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const outside = files.filter((file) => {
      const path = relative(src, join(src, file)).split('\\').join('/');
      if (path.startsWith('render/fast/') || path === 'render/render-path.ts') return false;
      return /from '[^']*(render\/|\.\/)(fast\/|reference\.js')|import\('[^']*fast\//.test(
        readFileSync(join(src, file), 'utf8'),
      );
    });
    expect(outside).toEqual([]);
  });
});
