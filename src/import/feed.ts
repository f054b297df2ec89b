// RSS 2.0 (and RDF), Atom 1.0 and JSON Feed, parsed by feedsmith and read into one shape. Every text field
// is reduced to plain text; links and images are resolved against the feed's address and kept only when
// they are http(s).
import { parseFeed } from 'feedsmith';
import type { ImportItem } from './item.js';
import { dekFrom, isoDay, plainText, titleFrom, webUrl } from './text.js';

// Loosely typed on purpose: real feeds leave out fields their formats call required, and the reading below
// checks every value it takes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

export interface ParsedFeed {
  title: string;
  items: FeedEntry[];
}

/** An item as the feed has it: `url` may be missing (the import then skips it with a warning). */
export type FeedEntry = Omit<ImportItem, 'url' | 'title'> & { url?: string; title?: string };

/** The feed's items, or a reason it is not a feed (not XML or JSON of a known kind, malformed XML). */
export function readFeed(text: string, base: string | undefined): ParsedFeed | { error: string } {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    const trimmed = text.trimStart();
    parsed = parseFeed(trimmed.startsWith('{') ? (JSON.parse(trimmed) as unknown) : trimmed);
  } catch (error) {
    const message = (error as Error).message;
    return {
      error: /unrecognized/i.test(message)
        ? 'not an RSS, Atom or JSON feed'
        : `not a readable feed: ${message}`,
    };
  }
  const feed = parsed.feed as Loose;
  const title = plainText(textOf(feed.title) ?? '') || (base ? new URL(base).hostname : 'Feed');
  const home = webUrl(feed.link ?? feed.home_page_url ?? alternate(feed.links), base) ?? base;
  const entries: Loose[] = feed.items ?? feed.entries ?? [];
  const items = entries.map((entry) => readEntry(entry, parsed.format, home, title));
  return { title, items };
}

function readEntry(entry: Loose, format: string, base: string | undefined, source: string): FeedEntry {
  const json = format === 'json';
  const permalink = entry.guid?.isPermaLink !== false ? entry.guid?.value : undefined;
  const url = webUrl(
    json ? (entry.url ?? entry.external_url) : (entry.link ?? alternate(entry.links) ?? permalink),
    base,
  );
  const summary = json
    ? (entry.summary ?? entry.content_html ?? entry.content_text)
    : (textOf(entry.summary) ??
      entry.description ??
      entry.content?.encoded ??
      textOf(entry.content) ??
      entry.media?.description);
  const author = json
    ? (entry.authors?.[0]?.name ?? entry.author?.name) // JSON Feed 1.1, then 1.0
    : (entry.authors?.[0]?.name ??
      entry.authors?.[0] ??
      entry.dc?.creators?.[0] ??
      entry.dc?.creator ??
      entry.itunes?.author);
  const image = imageOf(entry, json, url ?? base);
  const title = titleFrom(textOf(entry.title) ?? '');
  return {
    url,
    title: title || undefined,
    source,
    author: typeof author === 'string' ? plainText(author) || undefined : undefined,
    date: isoDay(
      entry.pubDate ??
        entry.published ??
        entry.updated ??
        entry.date_published ??
        entry.date_modified ??
        entry.dc?.dates?.[0] ??
        entry.dc?.date,
    ),
    image,
    imageAlt: image ? title || undefined : undefined,
    dek: typeof summary === 'string' ? dekFrom(summary) : undefined,
  };
}

/** An image for the item: its own image field, an image enclosure or attachment, media:content or thumbnail. */
function imageOf(entry: Loose, json: boolean, base: string | undefined): string | undefined {
  const isImage = (type?: string, medium?: string, url?: string) =>
    medium === 'image' ||
    /^image\//i.test(type ?? '') ||
    (!type && !medium && /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(url ?? ''));
  const media = [
    ...(entry.media?.contents ?? []),
    ...(entry.media?.groups ?? []).flatMap((g: { contents?: unknown[] }) => g.contents ?? []),
  ];
  const candidates = [
    json ? (entry.image ?? entry.banner_image) : undefined,
    ...(entry.attachments ?? [])
      .filter((a: { mime_type?: string; url?: string }) => isImage(a.mime_type, undefined, a.url))
      .map((a: { url: string }) => a.url),
    ...(entry.links ?? []) // Atom's <link rel="enclosure">
      .filter(
        (l: { rel?: string; type?: string; href?: string }) =>
          l.rel === 'enclosure' && isImage(l.type, undefined, l.href),
      )
      .map((l: { href: string }) => l.href),
    ...(entry.enclosures ?? [])
      .filter((e: { type?: string; url?: string }) => isImage(e.type, undefined, e.url))
      .map((e: { url: string }) => e.url),
    ...(entry.enclosure
      ? [entry.enclosure].filter((e) => isImage(e.type, undefined, e.url)).map((e) => e.url)
      : []),
    ...media
      .filter((m: { type?: string; medium?: string; url?: string }) => isImage(m.type, m.medium, m.url))
      .map((m: { url: string }) => m.url),
    ...(entry.media?.thumbnails ?? []).map((t: { url: string }) => t.url),
    entry.itunes?.image,
  ];
  for (const candidate of candidates) {
    const url = webUrl(candidate, base);
    if (url) return url;
  }
  return undefined;
}

/** Atom text constructs arrive as { value, type }; RSS and JSON fields as strings. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string')
    return (value as { value: string }).value;
  return undefined;
}

/** The rel="alternate" (or rel-less) link of an Atom feed or entry. */
function alternate(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const link = links.find((l: { rel?: string }) => !l.rel || l.rel === 'alternate') as
    { href?: string } | undefined;
  return link?.href;
}
