import { describe, expect, it } from 'vitest';
import { textPartRule } from '../../src/checks/text-part.js';
import { built, codes, GOOD_BODY, GOOD_TEXT, UNSUBSCRIBE } from './helpers.js';

describe('plain-text rule', () => {
  it('fails an empty text part', async () => {
    expect(textPartRule(await built({ text: ' \n' }))).toEqual([
      expect.objectContaining({ code: 'TEXT_MISSING', severity: 'error' }),
    ]);
  });

  it.each([
    ['<p>', `${GOOD_TEXT}\n<p>A stray paragraph tag</p>\n`],
    ['&nbsp;', `${GOOD_TEXT}\nCosts&nbsp;nothing.\n`],
    ['CSS', `${GOOD_TEXT}\n.nl-text p { margin: 0; }\n`],
    ['inline CSS', `${GOOD_TEXT}\ncolor: #333; font-size: 14px; margin: 0\n`],
  ])('flags HTML or CSS residue (%s)', async (_, text) => {
    expect(codes(textPartRule(await built({ text })))).toEqual(['TEXT_HTML_RESIDUE']);
  });

  it('accepts markup the HTML itself shows as text (code in an article)', async () => {
    const body = `${GOOD_BODY}<pre><code>&lt;p&gt;Hello&lt;/p&gt; and &amp;nbsp;</code></pre>`;
    expect(textPartRule(await built({ body, text: `${GOOD_TEXT}\n<p>Hello</p> and &nbsp;\n` }))).toEqual([]);
  });

  it('flags lines over 78 columns but not a lone URL', async () => {
    const long = 'word '.repeat(16).trim(); // 79 columns
    const url = `https://example.org/${'a'.repeat(90)}`;
    const found = textPartRule(await built({ text: `${GOOD_TEXT}\n${long}\n${url}\n[2] ${url}\n` }));
    expect(found).toEqual([expect.objectContaining({ code: 'TEXT_LINE_LONG', severity: 'warning' })]);
    expect(found[0].message).toMatch(/^line 14 of the plain text is 79 columns/);
    expect(textPartRule(await built({ text: `${GOOD_TEXT}\n${'word '.repeat(15).trim()}x\n` }))).toEqual([]); // 76
  });

  it('summarises many long lines instead of listing each', async () => {
    const lines = Array.from({ length: 8 }, (_, i) => `${i} ${'x '.repeat(40)}`).join('\n');
    const found = textPartRule(await built({ text: `${GOOD_TEXT}\n${lines}\n` }));
    expect(found).toHaveLength(6);
    expect(found[5].message).toBe('3 more lines of the plain text are over 78 columns');
  });

  it('wants every link of the HTML in the text', async () => {
    const found = textPartRule(
      await built({ text: GOOD_TEXT.replace('[1] https://example.org/guide\n', '') }),
    );
    expect(found).toEqual([
      expect.objectContaining({
        code: 'TEXT_LINK_MISSING',
        message: 'the plain text lacks the link https://example.org/guide',
      }),
    ]);
  });

  it('wants the text to tell as much as the HTML', async () => {
    const found = textPartRule(
      await built({
        text: `Field Notes\n\nRead the sizing guide [1].\n\n[1] https://example.org/guide\nUnsubscribe: ${UNSUBSCRIBE}\n`,
      }),
    );
    expect(found).toEqual([expect.objectContaining({ code: 'TEXT_TOO_SHORT', severity: 'warning' })]);
  });
});
