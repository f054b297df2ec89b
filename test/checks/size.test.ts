import { describe, expect, it } from 'vitest';
import { SIZE_LIMIT_BYTES, SIZE_WARNING_BYTES, sizeRule } from '../../src/checks/size.js';
import { describeSplit, weightSplit } from '../../src/checks/size-split.js';
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
      /^articles 101 KB, of which content\/e\/02-long\.md 90 KB, content\/e\/03-mid\.md 9 KB, content\/e\/01-short\.md 2 KB; template and styles 0 KB$/,
    );
  });

  it('fails from 102,000 bytes', async () => {
    const b = await built({ body: padded(SIZE_LIMIT_BYTES), edition: { articles } });
    expect(sizeRule(b)).toEqual([
      expect.objectContaining({ code: 'SIZE_CLIPPED', severity: 'error', file: 'content/e/02-long.md' }),
    ]);
  });

  it('splits the bytes between the articles as they stand in the page and the template', () => {
    const styled = '<p style="margin:0 0 16px">';
    const html = `<html><head><style>${'.x{}'.repeat(500)}</style></head><body><div>${styled}Alpha article opens here.</p>${styled}Alpha article closes here.</p></div><div>${styled}Beta article says one thing.</p></div></body></html>`;
    const split = weightSplit(html, [
      { file: 'a.md', html: '<p>Alpha article opens here.</p>\n<p>Alpha article closes here.</p>' },
      { file: 'b.md', html: '<p>Beta article says one thing.</p>' },
    ]);
    expect(split.articles).toEqual([
      {
        file: 'a.md',
        bytes: Buffer.byteLength(`Alpha article opens here.</p>${styled}Alpha article closes here.`),
      },
      { file: 'b.md', bytes: Buffer.byteLength('Beta article says one thing.') },
    ]);
    expect(split.articleBytes + split.templateBytes).toBe(Buffer.byteLength(html));
    expect(describeSplit(split)).toBe(
      'articles 0 KB, of which a.md 0 KB, b.md 0 KB; template and styles 2 KB',
    );
  });

  it('warns when click tracking (+60 bytes a link) would take the HTML past the clipping size', async () => {
    const links = Array.from({ length: 400 }, (_, i) => `<a href="https://example.org/${i}">${i}</a>`).join(
      ' ',
    );
    const body = `${GOOD_BODY}<p>${links}</p>`;
    const bytes = Buffer.byteLength(page(body));
    const fill = SIZE_LIMIT_BYTES - 400 * 60 - bytes + 10;
    const b = await built({ body: `${body}<p>${'x'.repeat(fill)}</p>`, edition: { articles } });
    const [d] = sizeRule(b);
    expect(d).toMatchObject({ code: 'SIZE_TRACKING', severity: 'warning' });
    expect(d!.message).toMatch(/^the HTML is \d+ bytes, and \d+ once click tracking lengthens its 402 links/);
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
