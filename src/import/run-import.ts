// `newsletter import`, the work itself: read the feed (or the list of links), pick the items, visit pages
// for what is missing, and write the edition folder. Returns data; the command prints it.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { diag } from '../diagnostics/diagnostic.js';
import { editionFiles } from './edition-files.js';
import { gatherFeed } from './gather-feed.js';
import { gatherLinks } from './gather-links.js';
import { defaultSlug, preheaderFor, subjectFor } from './plan.js';
import type { ImportOptions, ImportReport } from './run-options.js';
import { urlsInEarlierEditions } from './seen-urls.js';
import { writeEditionFolder } from './write-folder.js';

export type { ImportOptions, ImportReport } from './run-options.js';

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
  const items = await gathered.complete(seen);
  report.imported = items.map(({ title, url }) => ({ title, url }));
  if (items.length === 0) {
    report.diagnostics.push(
      diag(
        'IMPORT_NOTHING',
        'error',
        `nothing to import from ${options.source}`,
        { file: options.source },
        report.skipped.some((s) => s.reason.startsWith('already in'))
          ? 'links already in an earlier edition are left out unless --all'
          : undefined,
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

/** The edition exists already: recorded as a usage error unless --force. */
async function taken(options: ImportOptions, slug: string, report: ImportReport): Promise<boolean> {
  if (options.force) return false;
  for (const name of [slug, `${slug}.md`, `${slug}.txt`]) {
    const path = join(options.contentDir, name);
    if (await exists(path)) {
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

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
