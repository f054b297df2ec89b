// `newsletter build [slug...]`
import { build, type EditionResult } from '../build.js';
import type { BuildTarget } from '../edition/results.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { printable } from '../diagnostics/format.js';
import { EXIT, printDiagnostics, type Io } from './io.js';

export interface BuildCommandOptions extends BuildTarget {
  json?: boolean;
  /** Rebuild every edition, even those whose inputs are unchanged. */
  force?: boolean;
  /** Exit 1 when a check finds an error in an edition (the edition is still written). */
  strict?: boolean;
}

export async function buildCommand(options: BuildCommandOptions, io: Io): Promise<number> {
  const started = performance.now();
  const report = await build({
    ...options,
    incremental: !options.force,
    parallel: true,
    onEdition(result, index, total) {
      if (options.json) return;
      printDiagnostics(io, result.diagnostics);
      if (result.cached) return; // unchanged editions are counted in the summary, not listed
      const mark = result.ok ? (io.color ? '\x1b[32m✓\x1b[0m' : '✓') : io.color ? '\x1b[31m✗\x1b[0m' : '✗';
      const counter = total > 1 ? `[${index + 1}/${total}] ` : '';
      const flagged = result.ok && hasErrors(result.diagnostics) ? ' (with check errors)' : '';
      // a slug is a file name: whatever it holds reaches the terminal as text, never as escape sequences
      const slug = printable(result.slug);
      io.stderr(
        `${counter}${mark} ${slug}${result.ok ? ` -> ${printable(options.out ?? 'out')}/${slug}/${flagged}` : ' failed; its previous output is untouched'}\n`,
      );
    },
  });
  const failed = report.editions.filter((e) => !e.ok);
  const findings = countFindings(report.editions);
  const code = report.usageError
    ? EXIT.usage
    : hasErrors(report.diagnostics) || failed.length > 0 || (options.strict && findings.checkErrors > 0)
      ? EXIT.failure
      : EXIT.ok;

  if (options.json) {
    io.stdout(
      `${JSON.stringify(
        {
          ok: code === EXIT.ok,
          strict: options.strict ?? false,
          ...findings,
          workers: report.workers ?? 0,
          diagnostics: report.diagnostics,
          editions: report.editions.map(({ slug, ok, files, diagnostics, cached }) => ({
            slug,
            ok,
            files,
            diagnostics,
            cached: cached ?? false,
          })),
        },
        null,
        2,
      )}\n`,
    );
    return code;
  }
  printDiagnostics(io, report.diagnostics);
  if (report.editions.length > 0) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const unchanged = report.editions.filter((e) => e.cached).length;
    const built = report.editions.length - failed.length - unchanged;
    const threads = report.workers
      ? ` in ${report.workers} worker thread${report.workers === 1 ? '' : 's'}`
      : '';
    const skipped = unchanged ? ` (${unchanged} unchanged, skipped; --force rebuilds them)` : '';
    io.stderr(
      `Built ${built} of ${report.editions.length} edition${report.editions.length === 1 ? '' : 's'} in ${seconds}s${threads}${skipped}${failed.length ? `; failed: ${failed.map((e) => printable(e.slug)).join(', ')}` : ''}${describeFindings(findings, options.strict, failed.length > 0)}\n`,
    );
  }
  return code;
}

/** Editions written with lint findings: they are built all the same, and counted apart in the summary. */
function countFindings(editions: readonly EditionResult[]): { withWarnings: number; checkErrors: number } {
  const written = editions.filter((e) => e.ok);
  const checkErrors = written.filter((e) => hasErrors(e.diagnostics)).length;
  const withWarnings = written.filter(
    (e) => !hasErrors(e.diagnostics) && e.diagnostics.some((d) => d.severity === 'warning'),
  ).length;
  return { withWarnings, checkErrors };
}

function describeFindings(
  findings: { withWarnings: number; checkErrors: number },
  strict: boolean | undefined,
  afterFailures: boolean,
): string {
  const parts = [
    ...(findings.withWarnings ? [`${findings.withWarnings} with warnings`] : []),
    ...(findings.checkErrors
      ? [`${findings.checkErrors} with check errors${strict ? ' (--strict: exit 1)' : ''}`]
      : []),
  ];
  return parts.length ? `${afterFailures ? ';' : ':'} ${parts.join(', ')}` : '';
}
