// `newsletter check [slug...]`: builds the editions through the same pipeline as `build` (writing nothing
// unless --out is given) and runs every rule on them; a gate a CI job can trust: exit 1 on any error.
import { build, type BuildOptions, type EditionResult } from '../build.js';
import type { BuiltEdition } from '../checks/rule.js';
import { diag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { printable, summarize } from '../diagnostics/format.js';
import { DEFAULT_CLIENTS, validateClients } from '../checks/client-support.js';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, type LiveLinkOptions } from '../checks/live-links.js';
import { runChecks } from '../checks/run-checks.js';
import { locate } from '../checks/locate.js';
import { INSTALL_HINT, spamAssassinInstalled, type SpamReport } from '../checks/spam.js';
import { EXIT, printDiagnostics, type Io } from './io.js';

export interface CheckCommandOptions extends BuildOptions {
  json?: boolean;
  /** Warnings count as errors. */
  strict?: boolean;
  /** Request every link and image. */
  online?: boolean;
  /** Run SpamAssassin on the message. */
  spam?: boolean;
  /** Comma-separated caniemail client names or globs; overrides checkClients in the config. */
  clients?: string;
  /** Seconds each --online request may take. */
  timeout?: string;
  /** --out was given on the command line: write the editions as build does. */
  outGiven?: boolean;
}

interface EditionCheck {
  slug: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  spam?: SpamReport;
}

export async function checkCommand(options: CheckCommandOptions, io: Io): Promise<number> {
  const started = performance.now();
  const usage = await usageProblems(options);
  if (usage.length > 0) return finish(io, options, { diagnostics: usage, editions: [], code: EXIT.usage });

  const online: LiveLinkOptions | undefined = options.online
    ? {
        timeoutMs: options.timeout ? Number(options.timeout) * 1000 : DEFAULT_TIMEOUT_MS,
        concurrency: DEFAULT_CONCURRENCY,
        cache: new Map(),
      }
    : undefined;
  // each edition is checked as soon as it is built, and only its findings are kept
  const checked = new Map<string, { diagnostics: Diagnostic[]; spam?: SpamReport }>();
  let clients: Promise<string[] | Diagnostic> | undefined;
  const afterEdition = async ({ built, ...result }: EditionResult): Promise<EditionResult> => {
    if (!built) return result;
    clients ??= clientsFor(built, options.clients);
    const list = await clients;
    if (!Array.isArray(list)) return result; // the config names unknown clients: a usage error, below
    const written = result.files.includes(`${result.slug}/message.eml`);
    const spamFile = written
      ? `${options.out ?? 'out'}/${result.slug}/message.eml`
      : built.edition.sources[0];
    checked.set(
      result.slug,
      await runChecks(built, { clients: list, online, spam: options.spam ? { file: spamFile } : undefined }),
    );
    return result;
  };

  const report = await build({ ...options, dryRun: !options.outGiven, afterEdition });
  if (report.usageError)
    return finish(io, options, { diagnostics: report.diagnostics, editions: [], code: EXIT.usage });
  const list = await clients;
  if (list && !Array.isArray(list))
    return finish(io, options, { diagnostics: [list], editions: [], code: EXIT.usage });

  const editions: EditionCheck[] = report.editions.map((result) => {
    const found = checked.get(result.slug);
    const diagnostics = [...result.diagnostics, ...(found?.diagnostics ?? [])];
    const final = options.strict ? diagnostics.map(strict) : diagnostics;
    return {
      slug: result.slug,
      ok: !hasErrors(final),
      diagnostics: final,
      ...(found?.spam ? { spam: found.spam } : {}),
    };
  });
  const projectDiagnostics = options.strict ? report.diagnostics.map(strict) : report.diagnostics;
  const failed = hasErrors(projectDiagnostics) || editions.some((e) => !e.ok);
  return finish(io, options, {
    diagnostics: projectDiagnostics,
    editions,
    code: failed ? EXIT.failure : EXIT.ok,
    seconds: (performance.now() - started) / 1000,
  });
}

/** Option problems found before any work: a usage error (exit 2) each. */
async function usageProblems(options: CheckCommandOptions): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  if (options.timeout !== undefined && !(Number(options.timeout) > 0)) {
    problems.push(
      diag(
        'CHECK_OPTIONS',
        'error',
        `--timeout must be a positive number of seconds, got "${options.timeout}"`,
      ),
    );
  }
  const clients = clientList(options.clients);
  const invalid = clients && (await clientsProblem(clients));
  if (invalid)
    problems.push(
      diag(
        'CHECK_OPTIONS',
        'error',
        `--clients: ${invalid}`,
        {},
        'names like gmail.*, outlook.windows, apple-mail.ios, yahoo.*; see the README',
      ),
    );
  if (options.spam && !(await spamAssassinInstalled())) {
    problems.push(
      diag(
        'SPAMASSASSIN_MISSING',
        'error',
        'check --spam needs SpamAssassin, and there is no spamassassin command on the PATH',
        {},
        INSTALL_HINT,
      ),
    );
  }
  return problems;
}

const clientList = (option: string | undefined) =>
  option
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);

/** The clients to check for: --clients (checked with the other options), else the config's, else the default. */
async function clientsFor(built: BuiltEdition, option: string | undefined): Promise<string[] | Diagnostic> {
  const clients = clientList(option) ?? built.config.checkClients ?? DEFAULT_CLIENTS;
  const invalid = option ? undefined : await clientsProblem(clients);
  return invalid
    ? diag('CONFIG_INVALID', 'error', `"checkClients": ${invalid}`, locate(built, '"checkClients"'))
    : clients;
}

/** Why caniemail knows none of these clients, or undefined when it knows them. */
async function clientsProblem(clients: string[]): Promise<string | undefined> {
  try {
    await validateClients(clients);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const strict = (d: Diagnostic): Diagnostic => (d.severity === 'warning' ? { ...d, severity: 'error' } : d);

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
