import { describe, expect, it } from 'vitest';
import { SIZE_LIMIT_BYTES, SIZE_WARNING_BYTES, sizeRule } from '../../src/checks/size.js';
import type { Article } from '../../src/edition/types.js';
import { built, GOOD_BODY, page } from './helpers.js';

const article = (file: string, bytes: number): Article => ({
  slug: file,
  file,
  title: file,
  html: `<p>${'a'.repeat(bytes)}</p>`,
  tags: [],
  wordCount: 1,
  extra: {},
});
const articles = [
  article('content/e/01-short.md', 2_000),
  article('content/e/02-long.md', 90_000),
  article('content/e/03-mid.md', 9_000),
];
const padded = (bytes: number) =>
  `${GOOD_BODY}<p>${'x'.repeat(bytes - Buffer.byteLength(page(GOOD_BODY)) - 7)}</p>`;

describe('size rule', () => {
  it('is quiet under 80,000 bytes', async () => {
    expect(sizeRule(await built({ body: padded(SIZE_WARNING_BYTES - 1), edition: { articles } }))).toEqual(
      [],
    );
  });

  it('warns from 80,000 bytes and names the heaviest articles', async () => {
    const b = await built({ body: padded(SIZE_WARNING_BYTES), edition: { articles } });
    expect(Buffer.byteLength(b.html)).toBe(SIZE_WARNING_BYTES);
    const [d] = sizeRule(b);
    expect(d).toMatchObject({ code: 'SIZE_WARNING', severity: 'warning', file: 'content/e/02-long.md' });
    expect(d.hint).toMatch(
      /^heaviest articles: content\/e\/02-long\.md \(90 KB\), content\/e\/03-mid\.md \(9 KB\), content\/e\/01-short\.md/,
    );
  });

  it('fails from 102,000 bytes', async () => {
    const b = await built({ body: padded(SIZE_LIMIT_BYTES), edition: { articles } });
    expect(sizeRule(b)).toEqual([
      expect.objectContaining({ code: 'SIZE_CLIPPED', severity: 'error', file: 'content/e/02-long.md' }),
    ]);
  });

  it('warns on a <style> block over 8 KB, not on a smaller one', async () => {
    const css = (bytes: number) => `.nl-a { color: red; }${' '.repeat(bytes - 21)}`;
    expect(
      sizeRule(await built({ html: page(GOOD_BODY, { head: `<style>${css(8_192)}</style>` }) })),
    ).toEqual([]);
    const big = await built({ html: page(GOOD_BODY, { head: `<style>${css(8_193)}</style>` }) });
    expect(sizeRule(big)).toEqual([
      expect.objectContaining({ code: 'STYLE_TOO_LARGE', severity: 'warning' }),
    ]);
  });
});
