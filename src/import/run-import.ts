// `newsletter import`, the work itself: read the feed (or the list of links), pick the items, visit pages
// for what the feed lacks (4 at a time), and write the edition folder. Returns data; the command prints it.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { discoverFeed } from './discover-feed.js';
import { editionFiles } from './edition-files.js';
import { readFeed, type FeedEntry } from './feed.js';
import { httpGet, type FetchLimits } from './http-get.js';
import type { ImportItem, Skipped } from './item.js';
import { mapLimit } from './limit.js';
import { readPageMetadata, type PageMetadata } from './page-metadata.js';
import { defaultSlug, preheaderFor, selectItems, subjectFor } from './plan.js';
import { FEED_ACCEPT, readSource } from './read-source.js';
import { urlsInEarlierEditions } from './seen-urls.js';
import { cleanText, dekFrom, titleFrom } from './text.js';
import { readUrlsFile } from './urls-file.js';
import { writeEditionFolder } from './write-folder.js';

export interface ImportOptions {
  /** A feed's URL or file; or, with `urls`, the file listing links. */
  source: string;
  urls: boolean;
  contentDir: string;
  edition?: string;
  since?: string;
  limit?: number;
  all: boolean;
  force: boolean;
  /** YYYY-MM-DD: the edition's date and the default slug's start. */
  today: string;
  limits: FetchLimits;
  concurrency: number;
  onPage?: (done: number, total: number) => void;
}

export interface ImportReport {
  slug?: string;
  folder?: string;
  files: string[];
  imported: { title: string; url: string }[];
  skipped: Skipped[];
  diagnostics: Diagnostic[];
  /** The edition exists and --force was not given: a usage error. */
  exists?: boolean;
}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { files: [], imported: [], skipped: [], diagnostics: [] };
  if (options.edition && (await taken(options, options.edition, report))) return report;

  const gathered = options.urls ? await gatherLinks(options, report) : await gatherFeed(options, report);
  if (!gathered) return report;
  const slug = options.edition ?? defaultSlug(options.today, gathered.name);
  if (!options.edition && (await taken(options, slug, report))) return report;

  const seen = options.all
    ? new Map<string, string>()
    : await urlsInEarlierEditions(options.contentDir, slug);
  const items = await gathered.complete(selectItems, seen);
  report.imported = items.map(({ title, url }) => ({ title, url }));
  if (items.length === 0) {
    report.diagnostics.push(
      diag(
        'IMPORT_NOTHING',
        'error',
        `nothing to import from ${options.source}`,
        { file: options.source },
        options.all ? undefined : 'links already in an earlier edition are left out unless --all',
      ),
    );
    return report;
  }
  const files = editionFiles({
    subject: subjectFor(gathered.name, options.today),
    preheader: preheaderFor(items),
    date: options.today,
    origin: options.source,
    items,
  });
  const folder = join(options.contentDir, slug);
  await writeEditionFolder(folder, files, options.force);
  return { ...report, slug, folder, files: [...files.keys()].map((name) => join(folder, name)) };
}

type Select = typeof selectItems;

interface Gathered {
  /** The feed's title, or "Links". */
  name: string;
  /** Selects among what was read (given the earlier editions' URLs) and fills in each item. */
  complete: (select: Select, seen: Map<string, string>) => Promise<ImportItem[]>;
}

/** The edition exists already: recorded as a usage error unless --force. */
async function taken(options: ImportOptions, slug: string, report: ImportReport): Promise<boolean> {
  if (options.force) return false;
  for (const name of [slug, `${slug}.md`, `${slug}.txt`]) {
    const path = join(options.contentDir, name);
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    ) {
      report.exists = true;
      report.slug = slug;
      report.diagnostics.push(
        diag(
          'IMPORT_EDITION_EXISTS',
          'error',
          `the edition ${slug} exists already: nothing was written`,
          { file: path },
          'choose another name with --edition SLUG, or replace it with --force',
        ),
      );
      return true;
    }
  }
  return false;
}

async function gatherFeed(options: ImportOptions, report: ImportReport): Promise<Gathered | undefined> {
  let source = await readSource(options.source, options.limits, FEED_ACCEPT);
  let feed = 'error' in source ? source : readFeed(source.text, source.url);
  // a web page rather than a feed: follow the feed it links to, once
  const linked =
    'error' in feed && 'url' in source && source.url ? discoverFeed(source.text, source.url) : undefined;
  if (linked) {
    source = await readSource(linked, options.limits, FEED_ACCEPT);
    feed = 'error' in source ? source : readFeed(source.text, source.url);
    if ('error' in feed) feed = { error: `the page's feed ${linked}: ${feed.error}` };
  }
  if ('error' in feed) {
    report.diagnostics.push(
      diag('IMPORT_SOURCE', 'error', `cannot import the feed: ${feed.error}`, { file: options.source }),
    );
    return undefined;
  }
  return {
    name: feed.title,
    complete: async (select, seen) => {
      const linked: (FeedEntry & { url: string })[] = [];
      feed.items.forEach((entry, index) => {
        if (entry.url) return linked.push(entry as FeedEntry & { url: string });
        const label = entry.title ? `"${entry.title}"` : `item ${index + 1}`;
        report.skipped.push({ label, reason: 'without a link' });
        report.diagnostics.push(
          diag('IMPORT_ITEM', 'warning', `${label} has no link: left out`, { file: options.source }),
        );
      });
      const { kept, skipped } = select(linked, { since: options.since, limit: options.limit, seen });
      report.skipped.push(...skipped);
      // a page is visited only for what the feed lacks: an image, or a title
      const needy = kept.filter((item) => !item.image || !item.title);
      const pages = await visitPages(
        needy.map((item) => item.url),
        options,
      );
      return kept.map((entry) => {
        const page = needy.includes(entry) ? pages.get(entry.url) : undefined;
        if (page && 'error' in page) {
          report.diagnostics.push(
            diag(
              'IMPORT_PAGE',
              'warning',
              `"${entry.title ?? entry.url}": could not read ${entry.url} for its image: ${page.error}`,
              { file: options.source },
            ),
          );
        }
        return merge(entry, page && !('error' in page) ? page : {});
      });
    },
  };
}

async function gatherLinks(options: ImportOptions, report: ImportReport): Promise<Gathered | undefined> {
  const source = await readSource(options.source, options.limits, 'text/plain, */*;q=0.5');
  if ('error' in source) {
    report.diagnostics.push(
      diag('IMPORT_SOURCE', 'error', `cannot read the list of links: ${source.error}`, {
        file: options.source,
      }),
    );
    return undefined;
  }
  const { links, skipped } = readUrlsFile(source.text, options.source);
  for (const s of skipped)
    report.diagnostics.push(diag('IMPORT_ITEM', 'warning', `${s.reason}: left out`, { file: s.label }));
  report.skipped.push(...skipped.map((s) => ({ ...s, reason: 'not a URL' })));
  return {
    name: 'Links',
    complete: async (select, seen) => {
      // earlier editions and repeats first, so no page is fetched for nothing; --since and --limit after
      const fresh = select(
        links.map((l) => ({ ...l, title: '' })),
        { seen },
      );
      report.skipped.push(...fresh.skipped);
      const pages = await visitPages(
        fresh.kept.map((l) => l.url),
        options,
      );
      const read: ImportItem[] = [];
      for (const link of fresh.kept) {
        const page = pages.get(link.url)!;
        if ('error' in page) {
          report.skipped.push({ label: link.url, reason: 'unreadable' });
          report.diagnostics.push(
            diag('IMPORT_ITEM', 'warning', `${link.url}: ${page.error}: left out`, {
              file: options.source,
              line: link.line,
            }),
          );
          continue;
        }
        read.push({ ...merge({ url: page.url }, page), ...(link.comment ? { comment: link.comment } : {}) });
      }
      const chosen = select(read, { since: options.since, limit: options.limit, seen: new Map() });
      report.skipped.push(...chosen.skipped);
      return chosen.kept;
    },
  };
}

type Page = (PageMetadata & { url: string }) | { error: string };

/** Each page's metadata (or why it could not be read), fetched `concurrency` at a time. */
async function visitPages(urls: string[], options: ImportOptions): Promise<Map<string, Page>> {
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
function merge(entry: Partial<FeedEntry> & { url: string }, page: PageMetadata): ImportItem {
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
