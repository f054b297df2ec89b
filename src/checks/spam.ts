// check --spam: SpamAssassin, offline (-L: no DNS or network tests) and without Bayes, on the exact bytes of
// message.eml.
// Reports the score and every rule that fired, with its description and, for the rules newsletters trip,
// what trips it and what to do (spam-rules.ts). 5 points is SpamAssassin's own spam threshold (an error
// here); anything above 0 is a warning.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
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

/**
 * Scores messages in one `spamassassin -L -t` process: one as it is, several as an mbox, which pays
 * SpamAssassin's start (about a second, loading its rules) once for them all. Each message gets its report, or
 * the error that kept it from one. Several messages must each have a Message-ID of their own and no line an
 * mbox would take for the start of a message (`mboxReady`): SpamAssassin scans an mbox in no set order, and
 * each report is matched to its message by that Message-ID.
 */
export async function runSpamAssassin(emls: string[], timeoutMs = 120_000): Promise<(SpamReport | Error)[]> {
  // Each report is printed between two lines that start with a word no message holds, and none is folded
  // into the message (report_safe 0 puts it in a header, where its lines are indented). The scores and rules
  // are those of SpamAssassin's own report: only its wording changes.
  const mark = `newsletter${randomBytes(8).toString('hex')}`;
  const mbox = emls.length > 1;
  // a report's key: the Message-ID it names in an mbox; alone, the one report there is
  const keyOf = (eml: string) => (mbox ? (messageId(eml) ?? '') : '');
  const args = [
    '-L',
    '-t',
    ...(mbox ? ['--mbox'] : []),
    // Bayes off: by default SpamAssassin learns from what it scans, so each check would train the writer's
    // own filter to take their newsletter for wanted mail, and change the next check's scores. Untrained (as
    // on a new machine or in CI) it fires no rule: the scores are the same without it.
    '--cf=use_bayes 0',
    '--cf=bayes_auto_learn 0',
    '--cf=report_safe 0',
    '--cf=clear_report_template',
    `--cf=report ${mark} begin _HEADER(Message-ID)_`,
    '--cf=report Content analysis details:   (_SCORE_ points, _REQD_ required)',
    '--cf=report ---- ----------------------',
    '--cf=report _SUMMARY_',
    `--cf=report ${mark} end`,
  ];
  const input = mbox
    ? emls.map((eml) => `${MBOX_SEPARATOR}\n${eml}${eml.endsWith('\n') ? '' : '\n'}`).join('')
    : emls[0]!;
  let run: SpamAssassinRun;
  try {
    run = await spamAssassin(args, input, timeoutMs + (emls.length - 1) * 10_000);
  } catch (error) {
    return emls.map(() => error as Error);
  }
  const reports = new Map<string, SpamReport>();
  for (const block of run.stdout.matchAll(
    new RegExp(`^${mark} begin(.*)\\n([\\s\\S]*?)^${mark} end$`, 'gm'),
  )) {
    const report = parseSpamReport(block[2]!);
    if (report) reports.set(mbox ? block[1]!.trim() : '', report);
  }
  return emls.map(
    (eml) =>
      reports.get(keyOf(eml)) ??
      new Error(
        `spamassassin ${run.why}: ${run.stderr || 'no report in its output'}${mbox ? ` for ${messageId(eml)}` : ''}`,
      ),
  );
}

// What SpamAssassin's mbox reader takes for the start of a message (its mbox_format_from_regex), and the line
// that starts each message here
const MBOX_FROM = /^From \S+  ?(\S\S\S \S\S\S .?\d .?\d:\d\d:\d\d \d{4}|.?\d-\d\d-\d{4}_\d\d:\d\d:\d\d_)/m;
const MBOX_SEPARATOR = 'From newsletter@localhost  Mon Dec  7 00:00:00 2026';

/** Whether a message can go into an mbox with others: its Message-ID, or undefined when it must go alone. */
export function mboxReady(eml: string): string | undefined {
  return MBOX_FROM.test(eml) ? undefined : messageId(eml);
}

/** The Message-ID header's value, unfolded, as SpamAssassin's _HEADER(Message-ID)_ gives it. */
function messageId(eml: string): string | undefined {
  const end = eml.search(/\r?\n\r?\n/);
  const header = /^Message-ID:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(end < 0 ? eml : eml.slice(0, end));
  const id = header?.[1]!.replace(/\r?\n/g, '').trim();
  return id || undefined;
}

interface SpamAssassinRun {
  stdout: string;
  /** How it ended, for an error: "exited with 0", "was stopped (SIGTERM)". */
  why: string;
  /** The first line of what it wrote to stderr. */
  stderr: string;
}

/** Runs spamassassin with the input on its stdin; rejects only when it cannot start. */
function spamAssassin(args: string[], input: string, timeoutMs: number): Promise<SpamAssassinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('spamassassin', args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.stdin.on('error', () => {}); // it may exit before reading everything; the close handler reports
    child.on('close', (code, signal) =>
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        why: signal ? `was stopped (${signal})` : `exited with ${code}`,
        stderr: Buffer.concat(err).toString('utf8').trim().split('\n')[0]!,
      }),
    );
    child.stdin.end(input);
  });
}

/** Reads the "Content analysis details" table of a report, its rules most points first. */
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
  // SpamAssassin lists them in no set order (a Perl hash's): most points first, then by name
  rules.sort((a, b) => b.points - a.points || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
  const mixed = context && report.rules.some((r) => LOOK_ALIKE_RULES.test(r.name)) ? context.mixed : [];
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
