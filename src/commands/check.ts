// `newsletter check [slug...]`: prints what check() finds (src/check.ts); a gate a CI job can trust: exit 1 on
// any error.
import { check, type CheckOptions, type EditionCheck } from '../check.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { printable, summarize } from '../diagnostics/format.js';
import { EXIT, printDiagnostics, type Io } from './io.js';

export interface CheckCommandOptions extends CheckOptions {
  json?: boolean;
}

export async function checkCommand(options: CheckCommandOptions, io: Io): Promise<number> {
  // a progress line on a terminal, where there is more than one edition: --online and --spam take a while
  const progress = !options.json && (io.interactive || io.color);
  const report = await check({
    ...options,
    ...(progress
      ? {
          onProgress: (done: number, total: number) => {
            if (total > 1) io.stderr(`\rChecking: ${done}/${total}${done === total ? '\n' : ''}`);
          },
        }
      : {}),
  });
  const code = report.usageError ? EXIT.usage : report.ok ? EXIT.ok : EXIT.failure;
  return finish(io, options, { ...report, code });
}

interface Outcome {
  diagnostics: Diagnostic[];
  editions: EditionCheck[];
  code: number;
  seconds?: number;
}

function finish(
  io: Io,
  options: CheckCommandOptions,
  { diagnostics, editions, code, seconds }: Outcome,
): number {
  const all = [...diagnostics, ...editions.flatMap((e) => e.diagnostics)];
  const counts = {
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  };
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ ok: code === EXIT.ok, strict: options.strict ?? false, ...counts, diagnostics, editions }, null, 2)}\n`,
    );
    return code;
  }
  printDiagnostics(io, diagnostics);
  for (const edition of editions) {
    const mark = edition.ok ? (io.color ? '\x1b[32m✓\x1b[0m' : '✓') : io.color ? '\x1b[31m✗\x1b[0m' : '✗';
    const shown = edition.diagnostics.filter((d) => d.severity !== 'info').length;
    io.stderr(
      `${mark} ${io.color ? `\x1b[1m${printable(edition.slug)}\x1b[0m` : printable(edition.slug)}${shown ? `: ${summarize(edition.diagnostics)}` : ': no problems'}${edition.spam ? ` (SpamAssassin score ${edition.spam.score})` : ''}\n`,
    );
    printDiagnostics(io, edition.diagnostics);
  }
  if (editions.length > 0) {
    io.stderr(
      `Checked ${editions.length} edition${editions.length === 1 ? '' : 's'}${seconds === undefined ? '' : ` in ${seconds.toFixed(2)}s`}: ${summarize(all)}${options.strict ? ' (--strict: warnings count as errors)' : ''}\n`,
    );
  }
  return code;
}
