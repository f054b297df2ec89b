// `check` as data: builds the editions through the same pipeline as `build` (writing nothing unless `out` is
// to be written), in worker threads when there are many, and runs every rule on them. The CLI's
// `newsletter check` prints what this returns.
import { build, type EditionResult } from './build.js';
import type { BuildTarget } from './edition/results.js';
import { diag, hasErrors, internalError, type Diagnostic } from './diagnostics/diagnostic.js';
import { DEFAULT_TIMEOUT_MS, liveLinkOptions } from './checks/live-links.js';
import { clientsProblem, remoteChecks, remoteOptions } from './checks/run-checks.js';
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
  /** Called each time an edition is fully checked (its live links and SpamAssassin too): how many, of how many. */
  onProgress?: (done: number, total: number) => void;
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
  /** Worker threads the editions were built and checked in (0: this thread). */
  workers?: number;
}

export async function check(options: CheckOptions): Promise<CheckReport> {
  const started = performance.now();
  const usage = await usageProblems(options);
  if (usage.length > 0) return { ok: false, usageError: true, diagnostics: usage, editions: [] };

  // what is shared between the editions of the run stays in this thread: the live-link cache, the limits
  const remote = remoteOptions(
    options.online
      ? liveLinkOptions(options.timeout ? Number(options.timeout) * 1000 : DEFAULT_TIMEOUT_MS)
      : undefined,
  );
  // Each edition is checked where it is built (a worker thread when there are many, see build-editions.ts):
  // the check-only rules and client support there, into its result's `checks`; live links and SpamAssassin
  // here, as each edition comes back. The hook does not wait for them: SpamAssassin takes its messages in
  // batches, and the last batch starts when the build is over (remote.spam.end()). Only the findings are kept.
  const checked = new Map<string, { diagnostics: Diagnostic[]; spam?: SpamReport }>();
  const remoteWork: Promise<void>[] = [];
  let configClients: Diagnostic | undefined;
  // editions fully checked, of how many the build has (it says with each edition it reports)
  let done = 0;
  let total = 0;
  const progress = () => {
    done++;
    if (total > 0) options.onProgress?.(done, total);
  };
  const afterEdition = async ({
    built: _built,
    checks,
    ...result
  }: EditionResult): Promise<EditionResult> => {
    if (!checks || checks.clientsProblem) {
      // the config names unknown clients: a usage error, below
      if (checks?.clientsProblem) configClients ??= checks.clientsProblem;
      progress();
      return result;
    }
    remoteWork.push(
      remoteChecks(checks, remote)
        .then(
          (found) => {
            checked.set(result.slug, {
              diagnostics: [...checks.diagnostics, ...found.diagnostics],
              ...(found.spam ? { spam: found.spam } : {}),
            });
          },
          // as an exception in the hook itself would: this edition's INTERNAL_ERROR, the others go on
          (error) => {
            const where = checks.spam ? { file: checks.spam.file } : {};
            checked.set(result.slug, {
              diagnostics: [...checks.diagnostics, internalError(error, 'checking it', where)],
            });
          },
        )
        .finally(progress),
    );
    return result;
  };

  // what reaches the build, and its worker threads: data only
  const { onProgress: _onProgress, ...target } = options;
  const settings = {
    ...target,
    check: {
      ...(clientList(options.clients) ? { clients: clientList(options.clients) } : {}),
      online: options.online === true,
      spam: options.spam === true,
    },
    parallel: true,
    afterEdition,
    onEdition: (_result: EditionResult, _index: number, editions: number) => {
      if (total === 0 && done > 0) options.onProgress?.(done, editions);
      total = editions;
    },
  };
  const report = await build(
    options.outGiven ? { ...settings, dryRun: false } : { ...settings, dryRun: true },
  );
  remote.spam.end();
  await Promise.all(remoteWork);
  if (report.usageError)
    return { ok: false, usageError: true, diagnostics: report.diagnostics, editions: [] };
  if (configClients) return { ok: false, usageError: true, diagnostics: [configClients], editions: [] };

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
    workers: report.workers ?? 0,
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

const strict = (d: Diagnostic): Diagnostic => (d.severity === 'warning' ? { ...d, severity: 'error' } : d);
