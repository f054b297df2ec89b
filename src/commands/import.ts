// `newsletter import <feed>` and `newsletter import --urls FILE`: an edition folder from a feed or a list of
// links. Checks the options, runs the import, and reports: the folder on stdout (--json: the whole report),
// every warning and the summary on stderr. Exit 0 written, 1 nothing imported, 2 usage or an existing edition.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_LIMITS } from '../import/http-get.js';
import { isOtherScheme } from '../import/read-source.js';
import { runImport, type ImportReport } from '../import/run-import.js';
import { summaryLine } from '../import/plan.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { EXIT, printDiagnostics, type Io } from './io.js';

export interface ImportCommandOptions {
  urls?: string;
  edition?: string;
  since?: string;
  limit?: string;
  all?: boolean;
  force?: boolean;
  allowPrivate?: boolean;
  content?: string;
  json?: boolean;
}

export async function importCommand(
  feed: string | undefined,
  options: ImportCommandOptions,
  io: Io,
): Promise<number> {
  const problems = usageProblems(feed, options);
  if (problems.length > 0)
    return finish(io, options, { files: [], imported: [], skipped: [], diagnostics: problems }, EXIT.usage);

  const progress = !options.json && (io.interactive || io.color);
  const report = await runImport({
    source: (options.urls ?? feed)!,
    urls: options.urls !== undefined,
    contentDir: options.content ?? 'content',
    edition: options.edition,
    since: options.since,
    limit: options.limit === undefined ? undefined : Number(options.limit),
    all: options.all ?? false,
    force: options.force ?? false,
    today: today(),
    limits: {
      allowPrivate: options.allowPrivate ?? false,
      timeoutMs: DEFAULT_LIMITS.timeoutMs,
      budget: AbortSignal.timeout(DEFAULT_LIMITS.budgetMs),
      maxBytes: DEFAULT_LIMITS.maxBytes,
      maxRedirects: DEFAULT_LIMITS.maxRedirects,
      retries: DEFAULT_LIMITS.retries,
      userAgent: `newsletter/${version()} (feed and link import)`,
    },
    concurrency: DEFAULT_LIMITS.concurrency,
    onPage: progress
      ? (done, total) => io.stderr(`\rReading pages: ${done}/${total}${done === total ? '\n' : ''}`)
      : undefined,
  });
  const code = report.exists ? EXIT.usage : report.folder ? EXIT.ok : EXIT.failure;
  return finish(io, options, report, code);
}

function usageProblems(feed: string | undefined, options: ImportCommandOptions): Diagnostic[] {
  const problem = (message: string, hint?: string) => diag('IMPORT_OPTIONS', 'error', message, {}, hint);
  const problems: Diagnostic[] = [];
  if (feed === undefined && options.urls === undefined)
    problems.push(
      problem(
        'name a feed (a URL or a file), or a list of links with --urls FILE',
        'newsletter import https://example.org/feed.xml',
      ),
    );
  if (feed !== undefined && options.urls !== undefined)
    problems.push(problem('give either a feed or --urls FILE, not both'));
  const source = options.urls ?? feed;
  if (source !== undefined && isOtherScheme(source))
    problems.push(problem(`only http(s) URLs and local files can be imported, not "${source}"`));
  if (options.edition !== undefined && !/^[a-z0-9][a-z0-9._-]*$/i.test(options.edition))
    problems.push(
      problem(
        `--edition must be a folder name of letters, digits, ".", "_" and "-", got "${options.edition}"`,
      ),
    );
  if (
    options.since !== undefined &&
    !(/^\d{4}-\d{2}-\d{2}$/.test(options.since) && !Number.isNaN(Date.parse(options.since)))
  )
    problems.push(problem(`--since must be a date (YYYY-MM-DD), got "${options.since}"`));
  if (options.limit !== undefined && !/^[1-9]\d*$/.test(options.limit))
    problems.push(problem(`--limit must be a whole number from 1, got "${options.limit}"`));
  return problems;
}

/** The edition's date: SOURCE_DATE_EPOCH (reproducible runs), else today (UTC). */
function today(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const time = process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? epoch * 1000 : Date.now();
  return new Date(time).toISOString().slice(0, 10);
}

const version = () =>
  (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function finish(io: Io, options: ImportCommandOptions, report: ImportReport, code: number): number {
  const summary = summaryLine(report.imported.length, report.skipped);
  if (options.json) {
    const { slug, folder, files, imported, skipped, diagnostics } = report;
    io.stdout(
      `${JSON.stringify({ ok: code === EXIT.ok, slug: slug ?? null, folder: folder ?? null, files, imported, skipped, summary, diagnostics }, null, 2)}\n`,
    );
    return code;
  }
  printDiagnostics(io, report.diagnostics);
  if (code === EXIT.usage) return code;
  io.stderr(`${summary}\n`);
  if (report.folder) {
    io.stderr(
      `Wrote ${report.folder}/: edition.md and ${report.files.length - 1} article${report.files.length === 2 ? '' : 's'}. Write the editor's note in edition.md, then: newsletter preview\n`,
    );
    io.stdout(`${report.folder}\n`);
  }
  return code;
}
