// `newsletter send <slug> --to ... | --recipients file`: prints progress and the final report.
import { createInterface } from 'node:readline/promises';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { send, type RecipientResult, type SendOptions, type SendReport } from '../send/send.js';
import { EXIT, printDiagnostics, type Io } from './io.js';

export interface SendCommandOptions extends Omit<SendOptions, 'timeoutMs' | 'confirm' | 'to'> {
  to?: string[];
  timeout?: string;
  json?: boolean;
}

const MARK: Record<RecipientResult['status'], { sign: string; color: number; word: string }> = {
  sent: { sign: '✓', color: 32, word: 'sent' },
  written: { sign: '✓', color: 32, word: 'written' },
  rejected: { sign: '✗', color: 31, word: 'rejected' },
  failed: { sign: '✗', color: 31, word: 'failed' },
  unknown: { sign: '?', color: 33, word: 'delivery unknown' },
};

export async function sendCommand(options: SendCommandOptions, io: Io): Promise<number> {
  const started = performance.now();
  const paint = (code: number, text: string) => (io.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const human = !options.json;
  // Per-recipient progress only on a terminal; the report at the end says it all for logs and pipes.
  const progress = human && (io.interactive || io.color);
  const timeoutSeconds = options.timeout === undefined ? undefined : Number(options.timeout);

  const report = await send({
    ...options,
    ...(timeoutSeconds !== undefined
      ? { timeoutMs: Number.isFinite(timeoutSeconds) ? timeoutSeconds * 1000 : NaN }
      : {}),
    confirm:
      io.interactive && human ? (count) => confirm(io, `Send ${count} test messages? [y/N] `) : undefined,
    onBuild: (reason) => human && io.stderr(`Building ${options.slug} first (${reason})\n`),
    onTarget: (target) =>
      human &&
      io.stderr(
        target.via === 'inbox'
          ? `No SMTP settings: sending to the local inbox at ${target.where}\n`
          : `Sending through ${target.where} (${target.tls}${target.user ? `, as ${target.user}` : ''})\n`,
      ),
    onConnectRetry: ({ attempt, why, delayMs }) =>
      human && io.stderr(`${why}; attempt ${attempt} in ${(delayMs / 1000).toFixed(1)} s\n`),
    onRecipient: ({ recipient, index, total, result, retry }) => {
      if (!progress) return;
      const counter = `[${index + 1}/${total}]`;
      if (retry)
        io.stderr(
          `${counter} ${recipient.email}: ${retry.why}; attempt ${retry.attempt} in ${(retry.delayMs / 1000).toFixed(1)} s\n`,
        );
      else if (!result) io.stderr(`${counter} sending to ${recipient.email}…\n`);
    },
  });

  const code = exitCode(report);
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok: code === EXIT.ok, ...report, summary: summary(report) }, null, 2)}\n`);
    return code;
  }
  printDiagnostics(io, report.diagnostics);
  if (report.target?.via === 'outbox') {
    for (const result of report.results) io.stdout(`${result.file}\t${result.email}\n`);
    io.stderr(
      `Dry run: wrote ${report.results.length} message${report.results.length === 1 ? '' : 's'} to ${report.target.where}; nothing was sent\n`,
    );
    return code;
  }
  for (const result of report.results) {
    const mark = MARK[result.status];
    const detail = 'response' in result ? result.response : 'why' in result ? result.why : '';
    const retried = result.attempts > 1 ? ` (after ${result.attempts} attempts)` : '';
    io.stderr(`  ${paint(mark.color, mark.sign)} ${result.email}  ${mark.word}${retried}: ${detail}\n`);
  }
  if (report.results.length > 0) {
    const counts = summary(report);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const rest = (['rejected', 'failed', 'unknown'] as const)
      .filter((k) => counts[k] > 0)
      .map((k) => `${counts[k]} ${MARK[k].word}`);
    io.stderr(
      `Sent ${counts.sent} of ${report.results.length} "${report.subject}" to ${report.target?.where} in ${seconds}s${rest.length ? `; ${rest.join(', ')}` : ''}\n`,
    );
  }
  return code;
}

/** 0 only when every recipient was accepted (or, for a dry run, written). */
function exitCode(report: SendReport): number {
  if (report.usageError) return EXIT.usage;
  if (hasErrors(report.diagnostics) || report.results.length === 0) return EXIT.failure;
  return report.results.every((r) => r.status === 'sent' || r.status === 'written') ? EXIT.ok : EXIT.failure;
}

function summary(report: SendReport): Record<RecipientResult['status'], number> {
  const counts = { sent: 0, written: 0, rejected: 0, failed: 0, unknown: 0 };
  for (const result of report.results) counts[result.status]++;
  return counts;
}

async function confirm(io: Io, question: string): Promise<boolean> {
  io.stderr(question);
  const prompt = createInterface({ input: process.stdin });
  try {
    return /^y(es)?$/i.test((await prompt.question('')).trim());
  } finally {
    prompt.close();
  }
}
