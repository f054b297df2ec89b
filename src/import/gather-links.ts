// A list of links: each line's page read for its title, description, image, site and author, the line's
// comment kept as the writer's note. A page that cannot be read leaves its link out, with a warning.
import { diag } from '../diagnostics/diagnostic.js';
import type { ImportItem } from './item.js';
import { completeItem, visitPages } from './pages.js';
import { selectItems } from './plan.js';
import { readSource } from './read-source.js';
import type { Gathered, ImportOptions, ImportReport } from './run-options.js';
import { readUrlsFile } from './urls-file.js';

export async function gatherLinks(
  options: ImportOptions,
  report: ImportReport,
): Promise<Gathered | undefined> {
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
    complete: async (seen) => {
      // earlier editions and repeats first, so no page is fetched for nothing; --since and --limit after
      const fresh = selectItems(
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
        read.push({
          ...completeItem({ url: page.url }, page),
          ...(link.comment ? { comment: link.comment } : {}),
        });
      }
      const chosen = selectItems(read, { since: options.since, limit: options.limit, seen });
      report.skipped.push(...chosen.skipped);
      return chosen.kept;
    },
  };
}
