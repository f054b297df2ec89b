// `check` as data: builds the editions through the same pipeline as `build` (writing nothing unless `out` is
// to be written) and runs every rule on them. The CLI's `newsletter check` prints what this returns.
import { build, type EditionResult } from './build.js';
import type { BuildTarget } from './edition/results.js';
import type { BuiltEdition } from './checks/rule.js';
import { diag, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { DEFAULT_CLIENTS, validateClients } from './checks/client-support.js';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, type LiveLinkOptions } from './checks/live-links.js';
import { runChecks } from './checks/run-checks.js';
import { locate } from './checks/locate.js';
import { INSTALL_HINT, spamAssassinInstalled, type SpamReport } from './checks/spam.js';

export interface CheckOptions extends BuildTarget {
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
  /** Write the editions into `out` as build does (the CLI: when --out is given); by default nothing is written. */
  outGiven?: boolean;
}

export interface EditionCheck {
  slug: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  spam?: SpamReport;
}

export interface CheckReport {
  /** No errors (with `strict`, no warnings either). */
  ok: boolean;
  /** A bad option or a project that does not load: the CLI exits 2. */
  usageError: boolean;
  /** Problems with the project itself. */
  diagnostics: Diagnostic[];
  editions: EditionCheck[];
  seconds?: number;
}

export async function check(options: CheckOptions): Promise<CheckReport> {
  const started = performance.now();
  const usage = await usageProblems(options);
  if (usage.length > 0) return { ok: false, usageError: true, diagnostics: usage, editions: [] };

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
    return { ok: false, usageError: true, diagnostics: report.diagnostics, editions: [] };
  const list = await clients;
  if (list && !Array.isArray(list)) return { ok: false, usageError: true, diagnostics: [list], editions: [] };

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
  return {
    ok: !failed,
    usageError: false,
    diagnostics: projectDiagnostics,
    editions,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Option problems found before any work: a usage error (exit 2) each. */
async function usageProblems(options: CheckOptions): Promise<Diagnostic[]> {
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
