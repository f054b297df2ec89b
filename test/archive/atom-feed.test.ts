// out/feed.xml is written directly (src/archive/atom-feed.ts) rather than through the `feed` library and its
// XML writer: both must give the same bytes, on the fields newsletter sets, whatever they hold. The expected
// bytes are never written down here, always the library's.
import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/archive/atom-feed.js';
import type { ArchiveEntry } from '../../src/archive/entries.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config/config.js';
import { escapeHtml } from '../../src/render/tokens.js';
import { random } from '../../bench/corpus.js';

/** What atomFeed wrote when it went through the library (the code it replaces). */
function libraryFeed(entries: readonly ArchiveEntry[], config: Config, updated: Date): string {
  const base = config.url.replace(/\/+$/, '');
  const feed = new Feed({
    id: `${base}/`,
    title: config.name,
    link: `${base}/`,
    language: config.language,
    updated: entries.reduce(
      (latest, e) => (e.updated > latest ? e.updated : latest),
      entries[0]?.updated ?? updated,
    ),
    generator: false,
    feedLinks: { atom: `${base}/feed.xml` },
    author: { name: config.name },
  });
  for (const entry of entries) {
    const link = `${base}/${encodeURIComponent(entry.slug)}/`;
    feed.addItem({
      id: link,
      link,
      title: escapeHtml(entry.subject),
      date: entry.updated,
      ...(entry.date ? { published: entry.updated } : {}),
      ...(entry.preheader ? { description: escapeHtml(entry.preheader) } : {}),
    });
  }
  return feed.atom1();
}

// pieces that XML, HTML, URLs or the library's own escaping treat specially
const PIECES = [
  'plain',
  '',
  ' ',
  '&',
  '&amp;',
  '&amp;amp;',
  '&lt;',
  '<b>',
  '>',
  ']]>',
  ']]>]]>',
  '"',
  "'",
  '%',
  '%20',
  '#',
  '?',
  '/',
  '\\',
  'é',
  'Ελλάδα',
  '🎉',
  '\u00a0',
  '\t',
  'a b',
  'x=1&y=2',
  '<![CDATA[',
];
const BASES = [
  'https://fieldnotes.example.com/newsletter',
  'https://fieldnotes.example.com/newsletter/',
  'https://fieldnotes.example.com/newsletter///',
  'https://Example.COM',
  'http://example.org:8080/a b/c?x=1&y=2',
  'https://example.org/&amp;/"quoted"',
  'https://xn--e1afmkfd.example/путь',
  'https://user:pass@example.org/~me/',
];

describe('the Atom feed', () => {
  const config = (name: string, url: string): Config => ({ ...DEFAULT_CONFIG, name, url });
  const entry = (
    slug: string,
    subject: string,
    preheader: string | null,
    date: string | null,
  ): ArchiveEntry => ({
    slug,
    subject,
    preheader,
    date,
    updated: new Date(date ? `${date}T00:00:00Z` : 1767225600000),
  });

  it('is the library’s, byte for byte, on the sample identity', () => {
    const entries = [
      entry('third', 'Tom & Jerry <b>not bold</b>', 'Cats, mice & markup', '2026-11-20'),
      entry('second', 'The second edition', null, '2026-10-15'),
      entry('undated', 'An undated note', 'x', null),
    ];
    const identity = config('Field Notes', 'https://fieldnotes.example.com/newsletter/');
    const updated = new Date(1767225600000);
    expect(atomFeed(entries, identity, updated)).toBe(libraryFeed(entries, identity, updated));
    expect(atomFeed([], identity, updated)).toBe(libraryFeed([], identity, updated));
  });

  it('is the library’s, byte for byte, on 2000 seeded random feeds of hostile pieces', () => {
    const rand = random(22);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const words = () =>
      Array.from({ length: Math.floor(rand() * 4) }, () => pick(PIECES)).join(pick(['', ' ']));
    for (let i = 0; i < 2000; i++) {
      const entries = Array.from({ length: Math.floor(rand() * 4) }, (_, n) =>
        entry(
          `${n}${words()}`,
          words(),
          rand() < 0.3 ? null : words(),
          rand() < 0.3 ? null : `20${10 + Math.floor(rand() * 20)}-0${1 + Math.floor(rand() * 9)}-1${n}`,
        ),
      );
      const identity = config(words(), pick(BASES));
      const updated = new Date(Math.floor(rand() * 2e12));
      expect(atomFeed(entries, identity, updated), `feed ${i}`).toBe(libraryFeed(entries, identity, updated));
    }
  });
});
