// `newsletter export <slug> --platform <name> | --all [--zip]`: one line per platform, the written folder on stdout.
import { hasErrors } from '../diagnostics/diagnostic.js';
import { runExport, type ExportOptions, type ExportReport } from '../export/run-export.js';
import { EXIT, printDiagnostics, type Io } from './io.js';

export interface ExportCommandOptions extends Omit<ExportOptions, 'onBuild'> {
  json?: boolean;
}

export async function exportCommand(options: ExportCommandOptions, io: Io): Promise<number> {
  const paint = (code: number, text: string) => (io.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const report = await runExport({
    ...options,
    onBuild: (reason) => !options.json && io.stderr(`Building ${options.slug} first (${reason})\n`),
  });
  const code = exitCode(report);
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok: code === EXIT.ok, slug: options.slug, ...report }, null, 2)}\n`);
    return code;
  }
  printDiagnostics(io, report.diagnostics);
  const out = options.out ?? 'out';
  for (const result of report.platforms) {
    printDiagnostics(io, result.diagnostics);
    if (result.ok) {
      const zip = result.files.find((f) => f.endsWith('.zip'));
      const fallbacks = result.fallbacks.length
        ? ` (configured values for ${result.fallbacks.join(', ')})`
        : '';
      io.stderr(`${paint(32, '✓')} ${result.platform}${fallbacks}\n`);
      io.stdout(`${out}/${result.files[0]!.replace(/[^/]+$/, '')}\n`);
      if (zip) io.stdout(`${out}/${zip}\n`);
    } else {
      io.stderr(`${paint(31, '✗')} ${result.platform} failed its checks; nothing written for it\n`);
    }
  }
  const failed = report.platforms.filter((p) => !p.ok);
  if (report.platforms.length > 1 || failed.length) {
    io.stderr(
      `Exported ${options.slug} for ${report.platforms.length - failed.length} of ${report.platforms.length} platform${report.platforms.length === 1 ? '' : 's'}${failed.length ? `; failed: ${failed.map((p) => p.platform).join(', ')}` : ''}\n`,
    );
  }
  return code;
}

/** 0 only when every platform asked for was exported. */
function exitCode(report: ExportReport): number {
  if (report.usageError) return EXIT.usage;
  if (hasErrors(report.diagnostics) || report.platforms.length === 0) return EXIT.failure;
  return report.platforms.every((p) => p.ok) ? EXIT.ok : EXIT.failure;
}
