import { describe, expect, it } from 'vitest';
import { accessibilityRule } from '../../src/checks/accessibility.js';
import { built, codes, GOOD_BODY, page } from './helpers.js';

describe('accessibility rule', () => {
  it.each([
    ['', 'the page has no lang attribute'],
    ['und', 'the page language is "und" (undetermined)'],
  ])('fails lang="%s"', async (lang, message) => {
    const html = lang ? page(GOOD_BODY, { lang }) : page(GOOD_BODY).replace(' lang="en"', '');
    expect(accessibilityRule(await built({ html }))).toEqual([
      expect.objectContaining({ code: 'A11Y_LANG', severity: 'error', message }),
    ]);
  });

  it('wants exactly one h1', async () => {
    expect(accessibilityRule(await built({ body: GOOD_BODY.replace(/<\/?h1>/g, '') }))).toEqual([
      expect.objectContaining({ code: 'A11Y_H1', message: 'the page has no h1' }),
    ]);
    expect(codes(accessibilityRule(await built({ body: `${GOOD_BODY}<h1>Again</h1>` })))).toEqual([
      'A11Y_H1',
    ]);
  });

  it('flags a skipped heading level, pointing at its source line', async () => {
    const b = await built({
      body: `${GOOD_BODY}<h4>Fine print</h4>`,
      sources: [{ file: 'content/weight.md', text: '---\ntitle: x\n---\n\n#### Fine print\n' }],
    });
    expect(accessibilityRule(b)).toEqual([
      expect.objectContaining({
        code: 'A11Y_HEADING_SKIP',
        message: 'heading "Fine print" is h4 right after h2',
        file: 'content/weight.md',
        line: 5,
        column: 6,
      }),
    ]);
    expect(
      accessibilityRule(
        await built({ body: `${GOOD_BODY}<h3>Part</h3><h4>Detail</h4><h2>Next</h2><h3>Part</h3>` }),
      ),
    ).toEqual([]);
  });

  it.each(['click here', 'Read more', 'here', 'Learn more…'])('flags link text "%s" alone', async (text) => {
    const found = accessibilityRule(
      await built({ body: `${GOOD_BODY}<p><a href="https://example.org/x">${text}</a></p>` }),
    );
    expect(found).toEqual([expect.objectContaining({ code: 'A11Y_LINK_TEXT', severity: 'warning' })]);
  });

  it('accepts link text that says where it goes, or an aria-label', async () => {
    const body = `${GOOD_BODY}<a href="https://example.org/x">Read more about clipping</a><a href="https://example.org/y" aria-label="The full sizing guide">here</a>`;
    expect(accessibilityRule(await built({ body }))).toEqual([]);
  });
});
