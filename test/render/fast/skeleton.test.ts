// Compiling editions as skeletons (src/render/fast/skeleton.ts) must give exactly what MJML gives for the
// whole document. Checked on a generated archive built by the real CLI, on the sample, and on the edge
// cases the splitting has to leave alone.
import { createRequire } from 'node:module';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../../bench/corpus.js';
import { tempProject, type TempProject } from '../../helpers/project.js';
import { ENDING_TAGS, parseMjml } from '../../../src/render/fast/mjml-parts.js';
import { fillHoles, splitSkeleton } from '../../../src/render/fast/skeleton.js';
import { slimHtml } from '../../../src/render/slim-html.js';
import { MJML_OPTIONS, type Mjml2Html } from '../../../src/render/mjml-options.js';

const require = createRequire(import.meta.url);
const mjml2html = require('mjml') as Mjml2Html;

describe('MJML compiled as skeletons', () => {
  let archive: TempProject;
  let sample: TempProject;
  beforeAll(async () => {
    archive = await tempProject({});
    await writeCorpus(join(archive.dir, 'content'), 24);
    sample = await tempProject();
    expect((await archive.run(['build'])).code).toBe(0);
    expect((await sample.run(['build'])).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await archive.remove();
    await sample.remove();
  });

  async function keptEditions(project: TempProject) {
    const folder = join(project.dir, 'out/.newsletter/editions');
    const names = (await readdir(folder)).filter((name) => name.endsWith('.json'));
    return Promise.all(
      names.map(
        async (name) =>
          JSON.parse(await readFile(join(folder, name), 'utf8')) as {
            slug: string;
            mjml: string;
            html: string;
          },
      ),
    );
  }

  it(
    'gives the HTML MJML gives for the whole document (slimmed), byte for byte',
    { timeout: 60_000 },
    async () => {
      const editions = [...(await keptEditions(archive)), ...(await keptEditions(sample))];
      expect(editions.length).toBe(26);
      for (const edition of editions) {
        const whole = await mjml2html(edition.mjml, MJML_OPTIONS);
        expect(whole.errors).toEqual([]);
        expect(edition.html, edition.slug).toBe(slimHtml(whole.html));
      }
    },
  );

  it('compiles far fewer skeletons than editions, and keeps them for the next build', async () => {
    const stored = await readdir(join(archive.dir, 'out/.newsletter/cache/mjml'));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(8); // 24 editions, a handful of layouts (articles with and without images...)
  });

  it('ignores a kept skeleton that was cut short or edited', async () => {
    const folder = join(sample.dir, 'out/.newsletter/cache/mjml');
    for (const name of await readdir(folder)) {
      const text = await readFile(join(folder, name), 'utf8');
      await writeFile(join(folder, name), text.replace('<body', '<body data-tampered'));
    }
    const before = await sample.read('out/2026-11-field-notes/index.html');
    expect((await sample.run(['build', '--force'])).code).toBe(0);
    expect(await sample.read('out/2026-11-field-notes/index.html')).toBe(before);
  });
});

describe('splitting a document into a skeleton', () => {
  const split = (source: string) => splitSkeleton(parseMjml(source), source, 'test')!;
  const doc = (body: string, head = '') =>
    `<mjml><mj-head>${head}</mj-head><mj-body>${body}</mj-body></mjml>`;

  it('holes the text MJML copies, and gives the same skeleton for different text', () => {
    const a = split(
      doc(
        '<mj-section><mj-column><mj-text>  <p>One</p> </mj-text><mj-image src="https://a.example/1.png" alt="A" /></mj-column></mj-section>',
      ),
    );
    const b = split(
      doc(
        '<mj-section><mj-column><mj-text><p>Two, longer</p></mj-text><mj-image src="https://b.example/2.png" alt="B" /></mj-column></mj-section>',
      ),
    );
    expect(a.key).toBe(b.key);
    expect(a.values).toEqual(['<p>One</p>', 'https://a.example/1.png', 'A']);
    expect(fillHoles(JSON.stringify(a.tree), a.values)).toContain('<p>One</p>');
  });

  it('leaves in the skeleton what MJML reads: empty attributes, comments, layout attributes, head styles', () => {
    const linked = split(
      doc(
        '<mj-section><mj-column><mj-image src="x.png" href="https://a.example" /></mj-column></mj-section>',
      ),
    );
    const unlinked = split(
      doc('<mj-section><mj-column><mj-image src="x.png" href="" /></mj-column></mj-section>'),
    );
    expect(linked.key).not.toBe(unlinked.key); // an mj-image with an empty href has no link
    const outlook = split(
      doc(
        '<mj-section><mj-column><mj-raw><!--[if mso]><p>Outlook</p><![endif]--></mj-raw></mj-column></mj-section>',
      ),
    );
    expect(outlook.values).toEqual([]);
    const wide = split(
      doc('<mj-section><mj-column width="60%"><mj-text>a</mj-text></mj-column></mj-section>'),
    );
    const narrow = split(
      doc('<mj-section><mj-column width="40%"><mj-text>a</mj-text></mj-column></mj-section>'),
    );
    expect(wide.key).not.toBe(narrow.key);
    const styled = split(
      doc(
        '<mj-section><mj-column><mj-text>a</mj-text></mj-column></mj-section>',
        '<mj-style inline="inline">p { color: red; }</mj-style><mj-style>.x { color: blue; }</mj-style>',
      ),
    );
    expect(styled.cssToInline).toBe('p { color: red; }');
    expect(JSON.stringify(styled.tree)).toContain('.x { color: blue; }');
  });

  it('refuses a document that already contains the hole marker', () => {
    const source = doc('<mj-section><mj-column><mj-text>mjmlhole7f3a0x</mj-text></mj-column></mj-section>');
    expect(splitSkeleton(parseMjml(source), source, 'test')).toBeUndefined();
  });

  it('knows every component whose content MJML keeps as text', () => {
    require('mjml');
    const components = require(require.resolve('mjml-core', { paths: [require.resolve('mjml')] }))
      .components as Record<string, { endingTag?: boolean; getTagName(): string }>;
    const registry = Object.values(components)
      .filter((c) => c.endingTag)
      .map((c) => c.getTagName())
      .sort();
    expect(ENDING_TAGS).toEqual(registry);
  });
});
