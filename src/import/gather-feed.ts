// A feed's items, read from a URL or file (or the feed a home page links to), with each item's page
// visited only for what the feed lacks: an image, or a title.
import { diag } from '../diagnostics/diagnostic.js';
import { discoverFeed } from './discover-feed.js';
import { readFeed, type FeedEntry } from './feed.js';
import { completeItem, visitPages } from './pages.js';
import { selectItems } from './plan.js';
import { FEED_ACCEPT, readSource } from './read-source.js';
import type { Gathered, ImportOptions, ImportReport } from './run-options.js';

export async function gatherFeed(
  options: ImportOptions,
  report: ImportReport,
): Promise<Gathered | undefined> {
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
    complete: async (seen) => {
      const linked: (FeedEntry & { url: string })[] = [];
      feed.items.forEach((entry, index) => {
        if (entry.url) return linked.push(entry as FeedEntry & { url: string });
        const label = entry.title ? `"${entry.title}"` : `item ${index + 1}`;
        report.skipped.push({ label, reason: 'without a link' });
        report.diagnostics.push(
          diag('IMPORT_ITEM', 'warning', `${label} has no link: left out`, { file: options.source }),
        );
      });
      const { kept, skipped } = selectItems(linked, { since: options.since, limit: options.limit, seen });
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
              `"${entry.title ?? entry.url}": could not read ${entry.url} for what the feed lacks: ${page.error}`,
              { file: options.source },
            ),
          );
        }
        return completeItem(entry, page && !('error' in page) ? page : {});
      });
    },
  };
}
