import { describe, expect, it } from 'vitest';
import { preheaderFor, selectItems, subjectFor, summaryLine } from '../../src/import/plan.js';
import { urlKey } from '../../src/import/seen-urls.js';
import { dekFrom, slugify } from '../../src/import/text.js';

const item = (n: number, date?: string) => ({ title: `Item ${n}`, url: `https://e.example/${n}`, date });

describe('choosing what an import takes', () => {
  it('leaves out links of earlier editions, repeats, items before --since and past --limit, in that order', () => {
    const seen = new Map([[urlKey('https://e.example/1/#top')!, '2026-11-notes']]);
    const items = [item(1), item(2, '2025-12-01'), item(3, '2025-11-01'), item(2), item(4), item(5)];
    const { kept, skipped } = selectItems(items, { seen, since: '2025-11-15', limit: 2 });
    expect(kept.map((i) => i.title)).toEqual(['Item 2', 'Item 4']);
    expect(skipped).toEqual([
      { label: 'Item 1', reason: 'already in 2026-11-notes' },
      { label: 'Item 3', reason: 'older than --since' },
      { label: 'Item 2', reason: 'listed twice' },
      { label: 'Item 5', reason: 'over --limit' },
    ]);
    expect(summaryLine(kept.length, skipped)).toBe(
      '2 imported, 4 skipped: 1 already in 2026-11-notes, 1 older than --since, 1 listed twice, 1 over --limit',
    );
  });

  it('compares URLs without fragment, utm_* parameters, trailing slash or http/https', () => {
    expect(urlKey('http://E.example/a/?utm_source=x&id=2#c')).toBe(urlKey('https://e.example/a?id=2'));
    expect(urlKey('https://e.example/a?id=2')).not.toBe(urlKey('https://e.example/a?id=3'));
  });

  it('writes a subject within 78 characters and a preheader of the first titles', () => {
    expect(subjectFor('The Harbour Review', '2026-01-01')).toBe('The Harbour Review: January 1, 2026');
    const long = subjectFor(
      'A feed whose name goes on and on well past what any inbox would ever show',
      '2026-12-25',
    );
    expect(long.length).toBeLessThanOrEqual(78);
    expect(long).toMatch(/^A feed whose name goes on and on .*\S…: December 25, 2026$/); // cut at a word
    const titles = [1, 2, 3, 4, 5].map((n) => ({ ...item(n), title: `Title number ${n}` }));
    expect(preheaderFor(titles)).toBe('Title number 1 · Title number 2 · Title number 3 and 2 more');
  });

  it('makes deks and slugs', () => {
    expect(dekFrom('<p>Hello <b>there</b>.</p><p>The post Hello appeared first on Blog.</p>')).toBe(
      'Hello there.',
    );
    expect(dekFrom('   ')).toBeUndefined();
    expect(slugify('Crème brûlée & “quotes”: a guide!')).toBe('creme-brulee-quotes-a-guide');
    expect(slugify('word '.repeat(30), 20)).toBe('word-word-word-word');
  });
});
