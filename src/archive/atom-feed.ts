// out/feed.xml: an Atom feed of the editions, newest first, each entry pointing at the edition's public page
// (the same address as its "view in browser" link).
import { Feed } from 'feed';
import type { Config } from '../config/config.js';
import { escapeHtml } from '../render/tokens.js';
import type { ArchiveEntry } from './entries.js';

/** `updated` is the feed's own date when it has no entries (an Atom feed must carry one). */
export function atomFeed(entries: readonly ArchiveEntry[], config: Config, updated: Date): string {
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
    // The feed library marks titles and summaries type="html": escape the plain text so it stays text.
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
