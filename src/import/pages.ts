// Visiting the pages items link to (4 at a time) and completing each item from what its page says.
import { httpGet } from './http-get.js';
import type { FeedEntry } from './feed.js';
import type { ImportItem } from './item.js';
import { mapLimit } from './limit.js';
import { readPageMetadata, type PageMetadata } from './page-metadata.js';
import type { ImportOptions } from './run-options.js';
import { cleanText, dekFrom, titleFrom } from './text.js';

export type Page = (PageMetadata & { url: string }) | { error: string };

/** Each page's metadata (or why it could not be read), fetched `concurrency` at a time. */
export async function visitPages(urls: string[], options: ImportOptions): Promise<Map<string, Page>> {
  let done = 0;
  const pages = await mapLimit(urls, options.concurrency, async (url): Promise<Page> => {
    const fetched = await httpGet(url, options.limits, 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5');
    options.onPage?.(++done, urls.length);
    if (!fetched.ok) return { error: fetched.reason };
    const isHtml = /html|xml/i.test(fetched.contentType) || fetched.contentType === '';
    // after redirects, the page's own address: an http link that moved to https is kept as https
    return { ...(isHtml ? readPageMetadata(fetched.text, fetched.url) : {}), url: fetched.url };
  });
  return new Map(urls.map((url, i) => [url, pages[i]]));
}

/** An item from what the feed said, completed by what its page says (the feed wins where both speak). */
export function completeItem(entry: Partial<FeedEntry> & { url: string }, page: PageMetadata): ImportItem {
  const title = entry.title || (page.title ? titleFrom(page.title) : '') || fallbackTitle(entry.url);
  const image = entry.image ?? page.image;
  return {
    title,
    url: entry.url,
    source: entry.source ?? (page.siteName ? titleFrom(page.siteName, 80) : hostName(entry.url)),
    author: entry.author ?? (page.author ? titleFrom(page.author, 80) : undefined),
    date: entry.date ?? page.date,
    image,
    imageAlt: entry.image ? entry.imageAlt : page.imageAlt ? titleFrom(page.imageAlt) : undefined,
    dek: entry.dek ?? (page.description ? dekFrom(page.description) : undefined),
  };
}

const hostName = (url: string) => new URL(url).hostname.replace(/^www\./, '');

function fallbackTitle(url: string): string {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  let readable = path;
  try {
    readable = decodeURIComponent(path);
  } catch {
    // a malformed escape: the path as written
  }
  return cleanText(`${hostName(url)}${readable}`).slice(0, 120);
}
