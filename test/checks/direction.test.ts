import { describe, expect, it } from 'vitest';
import { directionRule } from '../../src/checks/language.js';
import { built } from './helpers.js';

/** An edition (laid out left-to-right: the sample is English) whose one article holds `html`. */
const withArticle = (html: string) =>
  built({
    edition: {
      articles: [{ slug: 'a', file: 'content/a.md', title: 'A', html, tags: [], wordCount: 1, extra: {} }],
    },
  });

describe('direction rule', () => {
  it('warns when most letters run the other way than the page', async () => {
    const found = directionRule(await withArticle(`<p>${'שלום עולם '.repeat(6)}</p>`));
    expect(found.map((d) => [d.code, d.file])).toEqual([['LANG_DIRECTION_MISMATCH', 'content/weight.md']]);
    expect(found[0].message).toMatch(/laid out left-to-right, but 9\d% of its letters/);
  });

  it('counts letters, not UTF-16 units, and judges no text under 40 of them', async () => {
    // with the title's "A": 44 Hebrew letters of 57, 12 of them outside the BMP (two UTF-16 units each)
    const astral = '𝐀𝐁𝐂𝐃𝐄𝐅 𝐆𝐇𝐈𝐉𝐊𝐋';
    const hebrew = 'שלום עולם '.repeat(3) + 'אבגדהוזחטיכלמנסעפצקר';
    expect(directionRule(await withArticle(`<p>${hebrew} ${astral}</p>`))[0]?.message).toMatch(/ 77% /);
    // 39 letters (45 units, 32 of them Hebrew): too few to judge
    const few = `<p>${'שלום עולם '.repeat(4)}${astral.slice(0, 13)}</p>`;
    expect(directionRule(await withArticle(few))).toEqual([]);
  });
});
