// `newsletter clean [--dry-run]`: removes out/<slug>/ for editions whose source is gone, then refreshes
// the archive so that it no longer links to them.
import { clean, type CleanReport } from '../output/clean.js';
import { loadConfig } from '../config/load.js';
import { displayPath } from '../content/discover.js';
import type { ProjectOptions } from '../project.js';
import { EXIT, printDiagnostics, type Io } from './io.js';

export interface CleanCommandOptions extends ProjectOptions {
  dryRun?: boolean;
  json?: boolean;
}

export async function cleanCommand(options: CleanCommandOptions, io: Io): Promise<number> {
  const report = await clean(options);
  if (!report.usageError && !report.dryRun && report.editions.length > 0)
    await refreshArchive(report, options);
  const code = report.usageError
    ? EXIT.usage
    : report.diagnostics.some((d) => d.severity === 'error')
      ? EXIT.failure
      : EXIT.ok;
  if (options.json) {
    const { dryRun, editions, diagnostics } = report;
    io.stdout(`${JSON.stringify({ ok: code === EXIT.ok, dryRun, editions, diagnostics }, null, 2)}\n`);
    return code;
  }
  printDiagnostics(io, report.diagnostics);
  if (report.usageError) return code;
  const out = report.paths?.outLabel ?? 'out';
  const verb = report.dryRun ? 'would remove' : 'removed';
  for (const edition of report.editions) {
    io.stderr(`${verb} ${out}/${edition.slug}/ (${edition.files.length} files build wrote)\n`);
    for (const file of edition.kept) io.stderr(`  kept ${out}/${file}: build did not write it\n`);
  }
  io.stderr(
    report.editions.length === 0
      ? `Nothing to clean: every edition ${out}/ holds has a source\n`
      : `${report.dryRun ? 'Would remove' : 'Removed'} ${report.editions.length} edition${report.editions.length === 1 ? '' : 's'} with no source: ${report.editions.map((e) => e.slug).join(', ')}\n`,
  );
  return code;
}

/** The archive page and feed, written again without the editions just removed (when the config loads). */
async function refreshArchive(report: CleanReport, options: CleanCommandOptions): Promise<void> {
  const paths = report.paths!;
  const loaded = await loadConfig(
    paths.config,
    displayPath(paths.root, paths.config),
    options.config !== undefined,
  );
  if (loaded.diagnostics.some((d) => d.severity === 'error')) {
    report.diagnostics.push(...loaded.diagnostics);
    return;
  }
  const { writeArchive } = await import('../archive/write-archive.js');
  report.diagnostics.push(
    ...(await writeArchive(paths.out, paths.outLabel, loaded.config, paths.sources)).filter(
      (d) => d.code !== 'ARCHIVE_ORPHAN',
    ),
  );
}
