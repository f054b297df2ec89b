// `newsletter export [slug...] --platform <name>… | --all [--zip]`: the written folders on stdout; on stderr
// a ✓ or ✗ line per platform for one edition, per edition for several, and every problem with its file:line.
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { runExport, type ExportOptions, type ExportReport } from '../export/run-export.js';
import { EXIT, printDiagnostics, type Io } from './io.js';

export interface ExportCommandOptions extends Omit<ExportOptions, 'onBuild'> {
  json?: boolean;
}

export async function exportCommand(options: ExportCommandOptions, io: Io): Promise<number> {
  const report = await runExport({
    ...options,
    onBuild: (reasons) => !options.json && io.stderr(building(reasons)),
  });
  const code = exitCode(report);
  const out = options.out ?? 'out';
  const written = report.platforms.flatMap((p) => p.files.map((f) => `${out}/${f}`));
  if (options.json) {
    // One edition keeps the report's earlier shape at the top level (slug, built) beside the batch's.
    const single = report.editions.length === 1 ? report.editions[0]! : undefined;
    const head = single ? { slug: single.slug, ...(single.built ? { built: single.built } : {}) } : {};
    io.stdout(`${JSON.stringify({ ok: code === EXIT.ok, ...head, ...report, files: written }, null, 2)}\n`);
    return code;
  }
  printDiagnostics(io, report.diagnostics);
  if (report.editions.length === 1) printOne(report, out, io);
  else printMany(report, out, io);
  return code;
}

/** A line per edition built first, or, for many, one line with how many for each reason. */
function building(reasons: ReadonlyMap<string, string>): string {
  if (reasons.size <= 5)
    return [...reasons].map(([slug, reason]) => `Building ${slug} first (${reason})\n`).join('');
  const counts = new Map<string, number>();
  for (const reason of reasons.values()) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const why = [...counts].map(([reason, n]) => `${n} ${reason}`).join('; ');
  return `Building ${reasons.size} editions first (${why})\n`;
}

const paint = (io: Io, code: number, text: string) => (io.color ? `\x1b[${code}m${text}\x1b[0m` : text);

/** One edition: every diagnostic, a line per platform. */
function printOne(report: ExportReport, out: string, io: Io): void {
  const edition = report.editions[0]!;
  printDiagnostics(io, edition.diagnostics);
  for (const result of report.platforms) {
    printDiagnostics(io, result.diagnostics);
    if (result.ok) {
      const fallbacks = result.fallbacks.length
        ? ` (configured values for ${result.fallbacks.join(', ')})`
        : '';
      io.stderr(`${paint(io, 32, '✓')} ${result.platform}${fallbacks}\n`);
      printFolders(result.files, out, io);
    } else {
      io.stderr(`${paint(io, 31, '✗')} ${result.platform} failed its checks; nothing written for it\n`);
    }
  }
  const failed = report.platforms.filter((p) => !p.ok);
  if (report.platforms.length > 1 || failed.length) {
    const total = report.platforms.length;
    io.stderr(
      `Exported ${edition.slug} for ${total - failed.length} of ${total} platform${total === 1 ? '' : 's'}${failed.length ? `; failed: ${failed.map((p) => p.platform).join(', ')}` : ''}\n`,
    );
  }
}

/**
 * Several editions: problems (warnings and errors; the same one said once however many editions repeat it,
 * infos only in --json), a ✗ line per failed edition and platform, one summary line.
 */
function printMany(report: ExportReport, out: string, io: Io): void {
  const said = new Set<string>();
  const print = (diagnostics: readonly Diagnostic[]) =>
    printDiagnostics(
      io,
      diagnostics.filter((d) => {
        const key = JSON.stringify(d);
        if (d.severity === 'info' || said.has(key)) return false;
        said.add(key);
        return true;
      }),
    );
  const failedEditions = new Set<string>();
  for (const edition of report.editions) {
    print(edition.diagnostics);
    if (!edition.ok) {
      failedEditions.add(edition.slug);
      io.stderr(`${paint(io, 31, '✗')} ${edition.slug} could not be exported\n`);
    }
  }
  for (const result of report.platforms) {
    print(result.diagnostics);
    if (result.ok) printFolders(result.files, out, io);
    else {
      failedEditions.add(result.slug);
      io.stderr(
        `${paint(io, 31, '✗')} ${result.slug}: ${result.platform} failed its checks; nothing written for it\n`,
      );
    }
  }
  const total = report.editions.length;
  const platforms = new Set(report.platforms.map((p) => p.platform)).size;
  const files = report.platforms.reduce((n, p) => n + p.files.length, 0);
  io.stderr(
    `${paint(io, failedEditions.size ? 31 : 32, failedEditions.size ? '✗' : '✓')} Exported ${total - failedEditions.size} of ${total} editions whole for ${platforms} platform${platforms === 1 ? '' : 's'} (${files} files)${failedEditions.size ? `; with failures: ${[...failedEditions].join(', ')}` : ''}\n`,
  );
}

/** Each exported folder (and zip) on stdout: what a script pipes on. */
function printFolders(files: readonly string[], out: string, io: Io): void {
  io.stdout(`${out}/${files[0]!.replace(/[^/]+$/, '')}\n`);
  const zip = files.find((f) => f.endsWith('.zip'));
  if (zip) io.stdout(`${out}/${zip}\n`);
}

/** 0 only when every edition was exported for every platform asked for. */
function exitCode(report: ExportReport): number {
  if (report.usageError) return EXIT.usage;
  if (hasErrors(report.diagnostics) || report.platforms.length === 0) return EXIT.failure;
  if (report.editions.some((e) => !e.ok)) return EXIT.failure;
  return report.platforms.every((p) => p.ok) ? EXIT.ok : EXIT.failure;
}
