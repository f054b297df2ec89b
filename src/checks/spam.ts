// check --spam: SpamAssassin, offline (-L: no DNS or network tests), on the exact bytes of message.eml.
// Reports the score and every rule that fired, with its description and, for the rules newsletters trip,
// what trips it and what to do (spam-rules.ts). 5 points is SpamAssassin's own spam threshold (an error
// here); anything above 0 is a warning.
import { spawn } from 'node:child_process';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { mixedWords } from './mixed-script.js';
import { explainSpamRule, LOOK_ALIKE_RULES, type SpamContext } from './spam-rules.js';

export const SPAM_THRESHOLD = 5;
export const INSTALL_HINT =
  'install it: apt-get install spamassassin (Debian, Ubuntu), dnf install spamassassin (Fedora), brew install spamassassin (macOS)';

export interface SpamRule {
  name: string;
  points: number;
  description: string;
}

export interface SpamReport {
  score: number;
  rules: SpamRule[];
}

/** Is SpamAssassin on the PATH? */
export function spamAssassinInstalled(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('spamassassin', ['-V'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

/** Runs `spamassassin -L -t` on a message; rejects when it cannot run or its report does not parse. */
export function runSpamAssassin(eml: string, timeoutMs = 120_000): Promise<SpamReport> {
  return new Promise((resolve, reject) => {
    const child = spawn('spamassassin', ['-L', '-t'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.stdin.on('error', () => {}); // it may exit before reading everything; the close handler reports
    child.on('close', (code) => {
      const report = parseSpamReport(Buffer.concat(out).toString('utf8'));
      if (report) resolve(report);
      else
        reject(
          new Error(
            `spamassassin exited with ${code}: ${Buffer.concat(err).toString('utf8').trim().split('\n')[0] || 'no report in its output'}`,
          ),
        );
    });
    child.stdin.end(eml);
  });
}

/** Reads the "Content analysis details" table that -t appends to the message. */
export function parseSpamReport(output: string): SpamReport | undefined {
  const header = /Content analysis details:\s+\((-?[\d.]+) points?,/.exec(output);
  if (!header) return undefined;
  const rules: SpamRule[] = [];
  const lines = output.slice(header.index).split(/\r?\n/);
  const start = lines.findIndex((l) => /^-{3,}\s+-{3,}/.test(l));
  for (const line of lines.slice(start + 1)) {
    const rule = /^\s*(-?\d+(?:\.\d+)?)\s+([A-Z0-9_]+)\s+(.*)$/.exec(line);
    if (rule) rules.push({ name: rule[2], points: Number(rule[1]), description: rule[3].trim() });
    else if (/^\s{10,}\S/.test(line) && rules.length)
      rules[rules.length - 1].description += ` ${line.trim()}`;
    else break;
  }
  return { score: Number(header[1]), rules };
}

/**
 * The score, every rule that fired (explained when the table knows it), and, when a rule that reads look-alike
 * letters fired (MIXED_ES, UNICODE_OBFU_ASC, FUZZY_*), each word
 * that mixes scripts where it is written. Without the edition (`context`), the explanations are generic.
 */
export function spamDiagnostics(report: SpamReport, file: string, context?: SpamContext): Diagnostic[] {
  const score = report.score;
  const severity = score >= SPAM_THRESHOLD ? 'error' : score > 0 ? 'warning' : 'info';
  const top = [...report.rules]
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 3)
    .map((r) => r.name);
  const mixed = context && report.rules.some((r) => LOOK_ALIKE_RULES.test(r.name)) ? mixedWords(context) : [];
  return [
    diag(
      'SPAM_SCORE',
      severity,
      `SpamAssassin scores the message ${score.toFixed(1)} (spam from ${SPAM_THRESHOLD})`,
      { file },
      top.length ? `most points from ${top.join(', ')}` : undefined,
    ),
    ...report.rules.map((r) =>
      diag(
        'SPAM_RULE',
        'info',
        `${r.points > 0 ? '+' : ''}${r.points.toFixed(1)} ${r.name}: ${r.description}`,
        { file },
        explainSpamRule(r, context),
      ),
    ),
    ...mixed.map((w) =>
      diag(
        'SPAM_MIXED_SCRIPT',
        'warning',
        `"${w.word}" mixes scripts: ${w.odd.join(', ')} among ${w.main} letters`,
        w,
        `retype it in one script${w.fixed ? ` ("${w.fixed}")` : ''}: SpamAssassin reads a look-alike letter as a disguised word (MIXED_ES, UNICODE_OBFU_ASC, FUZZY_*)`,
      ),
    ),
  ];
}
