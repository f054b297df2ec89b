// Everything `check` adds to what the build already ran on an edition, in two parts:
// - `editionChecks`, where the edition was built (a worker thread of the build, or this one): the check-only
//   pure rules and client support, the CPU-heavy part, and what --online and --spam will need (the page's
//   links with where each is written, the message), as data that crosses back to the main thread;
// - `remoteChecks`, in the main thread: live links and SpamAssassin, the edges that touch the network and a
//   child process, with what is shared between the editions of a run (the link cache, the limits).
// Their findings come back in one order: check-only rules, client support, live links, SpamAssassin.
import { availableParallelism } from 'node:os';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/diagnostic.js';
import { clientSupport, DEFAULT_CLIENTS, validateClients } from './client-support.js';
import { CHECK_RULES, runRules } from './index.js';
import { linkTargets, requestLinks, type LinkTarget, type LiveLinkOptions } from './live-links.js';
import { locate } from './locate.js';
import { mjmlCompiler } from '../render/render-path.js';
import type { BuiltEdition } from './rule.js';
import { spamDiagnostics, type SpamReport } from './spam.js';
import { spamQueue, type SpamQueue } from './spam-queue.js';
import { spamContext, type SpamContext } from './spam-rules.js';

/** What `check` asks of each edition beside the build's rules, as data: it reaches the worker threads. */
export interface CheckSettings {
  /** --clients, already validated; else the config's checkClients, else the default. */
  clients?: string[];
  /** --online: the page's links are to be requested. */
  online?: boolean;
  /** --spam: the message is to go through SpamAssassin. */
  spam?: boolean;
}

/** What `editionChecks` found on an edition, and what the main thread's part needs of it. */
export interface EditionChecks {
  /** The check-only rules' findings, then client support's. */
  diagnostics: Diagnostic[];
  /** checkClients in the config names clients caniemail does not know: a usage error for the whole run. */
  clientsProblem?: Diagnostic;
  /** --online: every http(s) link and image, with where its finding points. */
  links?: LinkTarget[];
  /** --spam: the message as message.eml holds it, where the findings point, and what the rules'
   * explanations need of the edition. */
  spam?: { eml: string; file: string; context: SpamContext };
}

export async function editionChecks(
  built: BuiltEdition,
  settings: CheckSettings,
  /** Where SpamAssassin's findings point: message.eml when it was written, else the edition. */
  spamFile: string,
): Promise<EditionChecks> {
  const remote = {
    ...(settings.online ? { links: linkTargets(built) } : {}),
    ...(settings.spam ? { spam: { eml: built.eml, file: spamFile, context: spamContext(built) } } : {}),
  };
  const clients = settings.clients ?? built.config.checkClients ?? DEFAULT_CLIENTS;
  const invalid = settings.clients ? undefined : await clientsProblem(clients);
  if (invalid)
    return {
      diagnostics: [],
      clientsProblem: diag(
        'CONFIG_INVALID',
        'error',
        `"checkClients": ${invalid}`,
        locate(built, '"checkClients"'),
      ),
      ...remote,
    };
  return {
    diagnostics: [...runRules(CHECK_RULES, built), ...(await clientSupport(built, clients))],
    ...remote,
  };
}

/** Loads what `editionChecks` needs before its first edition: caniemail's data, and MJML for the baselines. */
export const loadCheckLibraries = (): Promise<unknown> =>
  Promise.all([import('@jsx-email/doiuse-email'), mjmlCompiler()]);

/** The main thread's share of one run: the link cache and the limits, over every edition. */
export interface RemoteOptions {
  online?: LiveLinkOptions;
  /** SpamAssassin, in batches, at most one process per core: its `end()` once every edition has come back. */
  spam: SpamQueue;
}

export const remoteOptions = (online?: LiveLinkOptions): RemoteOptions => ({
  ...(online ? { online } : {}),
  spam: spamQueue(availableParallelism()),
});

export async function remoteChecks(
  checks: EditionChecks,
  options: RemoteOptions,
): Promise<{ diagnostics: Diagnostic[]; spam?: SpamReport }> {
  const [online, spam] = await Promise.all([
    checks.links && options.online ? requestLinks(checks.links, options.online) : [],
    checks.spam ? spamCheck(checks.spam, options.spam) : undefined,
  ]);
  return {
    diagnostics: [...online, ...(spam?.diagnostics ?? [])],
    ...(spam?.report ? { spam: spam.report } : {}),
  };
}

/** Why caniemail knows none of these clients, or undefined when it knows them; asked once a list, a thread. */
export function clientsProblem(clients: string[]): Promise<string | undefined> {
  const key = clients.join('\0');
  let known = validated.get(key);
  if (!known)
    validated.set(
      key,
      (known = validateClients(clients).then(
        () => undefined,
        (error: Error) => error.message,
      )),
    );
  return known;
}
const validated = new Map<string, Promise<string | undefined>>();

async function spamCheck(
  spam: NonNullable<EditionChecks['spam']>,
  queue: SpamQueue,
): Promise<{ diagnostics: Diagnostic[]; report?: SpamReport }> {
  const file = spam.file;
  try {
    const report = await queue.scan(spam.eml);
    return { diagnostics: spamDiagnostics(report, spam.file, spam.context), report };
  } catch (error) {
    return { diagnostics: [diag('SPAMASSASSIN_FAILED', 'error', (error as Error).message, { file })] };
  }
}
