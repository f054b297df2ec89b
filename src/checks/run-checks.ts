// Everything `check` adds to what the build already ran on an edition: the check-only pure rules, client
// support (async: it compiles a baseline once), and on request live links and SpamAssassin (the edges
// that touch the network and a child process). They run side by side; their findings come back in order.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { clientSupport } from './client-support.js';
import { CHECK_RULES, runRules } from './index.js';
import { liveLinks, type LiveLinkOptions } from './live-links.js';
import type { BuiltEdition } from './rule.js';
import { runSpamAssassin, spamDiagnostics, type SpamReport } from './spam.js';
import { diag } from '../diagnostics/diagnostic.js';

export interface CheckOptions {
  clients: string[];
  /** check --online */
  online?: LiveLinkOptions;
  /** check --spam: where the diagnostics point (message.eml when written, else the edition). */
  spam?: { file: string };
}

export async function runChecks(
  built: BuiltEdition,
  options: CheckOptions,
): Promise<{ diagnostics: Diagnostic[]; spam?: SpamReport }> {
  const [clients, online, spam] = await Promise.all([
    clientSupport(built, options.clients),
    options.online ? liveLinks(built, options.online) : [],
    options.spam ? spamCheck(built, options.spam.file) : undefined,
  ]);
  return {
    diagnostics: [...runRules(CHECK_RULES, built), ...clients, ...online, ...(spam?.diagnostics ?? [])],
    ...(spam?.report ? { spam: spam.report } : {}),
  };
}

async function spamCheck(
  built: BuiltEdition,
  file: string,
): Promise<{ diagnostics: Diagnostic[]; report?: SpamReport }> {
  try {
    const report = await runSpamAssassin(built.eml);
    return { diagnostics: spamDiagnostics(report, file, built), report };
  } catch (error) {
    return { diagnostics: [diag('SPAMASSASSIN_FAILED', 'error', (error as Error).message, { file })] };
  }
}
