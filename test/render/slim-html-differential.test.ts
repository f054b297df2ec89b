// slimHtml walks the page once and remembers each tag's rewrites: it must give, byte for byte, what the
// reference definition (slim-html-reference.ts, the rules as whole-page regular expressions) gives. Compared
// on real pages (every starter over the fixtures and a generated archive, as MJML and juice write them), on
// those pages changed at random, and on random HTML. Each page is slimmed twice: once with its tags new, once
// with them remembered.
import { beforeAll, describe, expect, it } from 'vitest';
import { unslimmedPages } from '../../bench/unslimmed-pages.js';
import { slimHtml } from '../../src/render/slim-html.js';
import { referenceSlimHtml } from './slim-html-reference.js';
import { mutatePage, randomPages } from './slim-html-random.js';

/** The first page on which the two differ, with both results; undefined where none does. */
function firstDifference(pages: string[]) {
  for (const page of pages) {
    const expected = referenceSlimHtml(page);
    for (const slim of [slimHtml(page), slimHtml(page)]) {
      if (slim !== expected) return { page, slim, expected };
    }
  }
  return undefined;
}

describe('slimHtml against its reference definition', () => {
  let real: string[];
  beforeAll(async () => {
    real = (await unslimmedPages({ archive: 6 })).map((page) => page.html);
  }, 120_000);

  it('gives the same bytes on real pages', () => {
    expect(real.length).toBeGreaterThan(30);
    expect(firstDifference(real)).toBeUndefined();
  });

  it('gives the same bytes on real pages changed at random', () => {
    const changed = real.flatMap((page, i) => [1, 2, 3].map((n) => mutatePage(page, i * 10 + n)));
    expect(firstDifference(changed)).toBeUndefined();
  });

  it('gives the same bytes on random HTML', () => {
    expect(firstDifference(randomPages(3000, 22))).toBeUndefined();
  });
});
