// `newsletter send`, stage by stage: check the options, read the recipients, make sure the kept edition is
// current (building it if not), find where to deliver, verify the server, then one message per recipient.
// Nothing is sent unless every stage before sending succeeded; every outcome comes back as data.
import { loadProject, projectPaths, type Project, type ProjectOptions } from '../project.js';
import { identityFindings } from '../config/identity.js';
import { keyLines } from '../config/load.js';
import { diag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { deliver, DEFAULT_RETRY, verifyWithRetry, type Outcome } from './deliver.js';
import { composeMessage, headerProblems, type ComposedMessage } from './message.js';
import { outboxName, writeOutbox } from './outbox.js';
import {
  recipientsFromFile,
  recipientsFromOption,
  uniqueRecipients,
  type Recipient,
  type RecipientList,
} from './recipients.js';
import { envFileProblem, isLoopback, smtpEnvironment } from './settings.js';
import { courier, type SmtpError } from './smtp.js';
import { findTarget, redactor, verifyDiagnostic, type SendTarget } from './target.js';
import { readKeptEdition, readStoredImages, staleness } from './stored-edition.js';
import { urlFields } from '../render/unsubscribe-url.js';

/** A test send is for a few colleagues; a list is what the platforms `export` writes for are for. */
export const MAX_RECIPIENTS_WITHOUT_YES = 25;

export interface SendOptions extends ProjectOptions {
  slug: string;
  to?: string[];
  /** A CSV or JSON file of recipients, relative to the project root. */
  recipients?: string;
  /** Embed local images as inline parts (default: `embedImages` in the config). */
  embedImages?: boolean;
  dryRun?: boolean;
  yes?: boolean;
  testPrefix?: boolean;
  insecure?: boolean;
  requireTls?: boolean;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  retry?: typeof DEFAULT_RETRY;
  /** Asked when there are more than 25 recipients and no --yes; absent without a terminal. */
  confirm?: (count: number) => Promise<boolean>;
  onBuild?: (reason: string) => void;
  onTarget?: (target: SendTarget) => void;
  /** The server said "try later" before anything was sent (a 421 greeting); it is asked again. */
  onConnectRetry?: (retry: { attempt: number; why: string; delayMs: number }) => void;
  onRecipient?: (event: {
    recipient: Recipient;
    index: number;
    total: number;
    result?: RecipientResult;
    retry?: { attempt: number; why: string; delayMs: number };
  }) => void;
}

export type { SendTarget };

export type RecipientResult = {
  email: string;
  name?: string;
  source: string;
  messageId: string;
  /** Where a dry run wrote the message. */
  file?: string;
} & (Outcome | { status: 'written'; attempts: 0 });

export interface SendReport {
  slug: string;
  subject?: string;
  usageError: boolean;
  diagnostics: Diagnostic[];
  /** Why the edition was built first, when it was. */
  built?: string;
  target?: SendTarget;
  results: RecipientResult[];
}

export async function send(options: SendOptions): Promise<SendReport> {
  const report: SendReport = { slug: options.slug, usageError: false, diagnostics: [], results: [] };
  const stop = (diagnostics: Diagnostic[], usageError: boolean): SendReport => ({
    ...report,
    diagnostics: [...report.diagnostics, ...diagnostics],
    usageError,
  });

  // 1. options that cannot work together, before touching anything
  const optionProblem = checkOptions(options);
  if (optionProblem) return stop([optionProblem], true);

  // 2. the project and the edition
  const loaded = await loadProject(options);
  report.diagnostics.push(...loaded.diagnostics);
  if (!loaded.project) return stop([], loaded.usageError || hasErrors(loaded.diagnostics));
  const project = loaded.project;
  if (!project.editions.some((e) => e.slug === options.slug)) {
    const known = project.editions.map((e) => e.slug).join(', ');
    return stop(
      [
        diag(
          'UNKNOWN_EDITION',
          'error',
          `no edition "${options.slug}" in ${project.paths.contentLabel}`,
          {},
          `editions: ${known}`,
        ),
      ],
      true,
    );
  }

  // 3. recipients: all of them valid, or nothing is sent
  const lists: RecipientList[] = [recipientsFromOption(options.to ?? [])];
  if (options.recipients)
    lists.push(
      await recipientsFromFile(
        project.paths.root,
        options.recipients,
        urlFields(project.config.unsubscribeUrl), // {{recipient "id"}} in the URL: an "id" column counts
      ),
    );
  const { recipients, diagnostics: recipientDiagnostics } = uniqueRecipients(lists);
  report.diagnostics.push(...recipientDiagnostics);
  if (hasErrors(recipientDiagnostics)) return stop([], true);
  if (recipients.length === 0)
    return stop(
      [
        diag(
          'SEND_OPTIONS',
          'error',
          'no recipients',
          {},
          'give --to me@example.org or --recipients test-list.csv',
        ),
      ],
      true,
    );
  if (
    recipients.length > MAX_RECIPIENTS_WITHOUT_YES &&
    !options.yes &&
    !(await options.confirm?.(recipients.length))
  ) {
    return stop(
      [
        diag(
          'TOO_MANY_RECIPIENTS',
          'error',
          `${recipients.length} recipients is more than ${MAX_RECIPIENTS_WITHOUT_YES} for a test send`,
          {},
          'add --yes to send anyway; to mail a list, use `newsletter export` and a mailing platform',
        ),
      ],
      true,
    );
  }

  // 4. the edition as build kept it, built first if missing or stale
  const stale = await staleness(project, options.slug, projectPaths(options).config);
  if (stale) {
    report.built = stale;
    options.onBuild?.(stale);
    // Loaded only when needed: rendering pulls in MJML, which a send from a current build never needs.
    const { build } = await import('../build.js');
    const built = await build({ ...projectLocation(options), slugs: [options.slug] });
    // build loads the project again: its config warnings are the ones already reported
    const seen = new Set(report.diagnostics.map((d) => JSON.stringify(d)));
    report.diagnostics.push(
      ...[...built.diagnostics, ...built.editions.flatMap((e) => e.diagnostics)].filter(
        (d) => !seen.has(JSON.stringify(d)),
      ),
    );
    if (built.usageError || !built.editions.every((e) => e.ok)) return stop([], built.usageError);
  }
  const kept = await readKeptEdition(project.paths.out, options.slug);
  if (!kept)
    return stop(
      [
        diag(
          'STORED_EDITION',
          'error',
          `cannot read the kept edition of ${options.slug} under ${project.paths.outLabel}/.newsletter/editions/`,
          {},
          'run `newsletter build` and check the output folder is writable',
        ),
      ],
      false,
    );
  const unsafe = headerProblems(kept);
  if (unsafe.length)
    return stop(
      unsafe.map((problem) => diag('CONFIG_INVALID', 'error', `refusing to send: ${problem}`)),
      true,
    );

  // 5. every message composed before the first is sent, so a composition error sends nothing
  const embed = options.embedImages ?? project.config.embedImages ?? false;
  const stored = embed ? await readStoredImages(project.paths.out, kept) : { images: [] };
  if ('missing' in stored)
    return stop(
      [
        diag(
          'STORED_EDITION',
          'error',
          `cannot read ${stored.missing} to embed it`,
          {},
          'build the edition again',
        ),
      ],
      false,
    );
  const date = new Date();
  const messages: ComposedMessage[] = [];
  for (const recipient of recipients)
    messages.push(
      await composeMessage(kept, recipient, {
        testPrefix: options.testPrefix ?? true,
        date,
        ...(stored.images.length ? { inline: stored.images } : {}),
      }),
    );
  report.subject = messages[0]!.subject;
  const base = (i: number) => ({
    email: recipients[i]!.email,
    ...(recipients[i]!.name ? { name: recipients[i]!.name } : {}),
    source: recipients[i]!.source,
    messageId: messages[i]!.messageId,
  });

  if (options.dryRun) {
    const names = messages.map((m, i) => outboxName(i, messages.length, recipients[i]!.email));
    const where = `${project.paths.outLabel}/.newsletter/outbox/${options.slug}/`;
    const unwritten = await writeOutbox(
      project.paths.out,
      options.slug,
      messages.map((m, i) => ({ name: names[i]!, raw: m.raw })),
      where,
    );
    if (unwritten) return stop([unwritten], false);
    report.target = { via: 'outbox', where };
    report.results = names.map((name, i) => ({
      ...base(i),
      status: 'written',
      attempts: 0,
      file: `${where}${name}`,
    }));
    return report;
  }

  // 6. where to: SMTP settings, else the local inbox
  let env: NodeJS.ProcessEnv;
  try {
    env = await smtpEnvironment(project.paths.root, options.env ?? process.env);
  } catch (error) {
    return stop([envFileProblem(error as NodeJS.ErrnoException)], true);
  }
  const found = await findTarget(project.paths.root, project.paths.out, env, options);
  if ('diagnostic' in found) return stop([found.diagnostic], true);
  const { target, info } = found;
  report.target = info;
  options.onTarget?.(info);
  const identity = realServerIdentity(project, target.host, info);
  if (identity.length) return stop(identity, true);
  const redact = redactor(target);

  // 7. verify: a wrong host, port, TLS setting or password fails here, before anything is sent; a busy
  // server (421 at the greeting) is asked again, as a 421 later on would be
  const mail = courier(target);
  try {
    const retry = options.retry ?? DEFAULT_RETRY;
    await verifyWithRetry(mail, {
      ...retry,
      onRetry: (attempt, why, delayMs) => options.onConnectRetry?.({ attempt, why: redact(why), delayMs }),
    });
  } catch (error) {
    return stop([verifyDiagnostic(target, info, error as SmtpError, redact)], false);
  }

  // 8. one message per recipient, over the verified connection; a refusal for one does not stop the others
  try {
    for (const [index, recipient] of recipients.entries()) {
      options.onRecipient?.({ recipient, index, total: recipients.length });
      const outcome = await deliver(mail, messages[index]!.envelope, messages[index]!.raw, {
        ...(options.retry ?? DEFAULT_RETRY),
        onRetry: (attempt, why, delayMs) =>
          options.onRecipient?.({
            recipient,
            index,
            total: recipients.length,
            retry: { attempt, why: redact(why), delayMs },
          }),
      });
      const result: RecipientResult = { ...base(index), ...redactOutcome(outcome, redact) };
      report.results.push(result);
      options.onRecipient?.({ recipient, index, total: recipients.length, result });
    }
  } finally {
    mail.close();
  }
  return report;
}

/**
 * A real server (not the local inbox, nor a catcher on this machine's loopback) only gets a newsletter that
 * says who it is, on its own domains: every identity finding is an error here, a sample's included.
 */
function realServerIdentity(project: Project, host: string, info: SendTarget): Diagnostic[] {
  if (info.via !== 'smtp' || isLoopback(host)) return [];
  const where = {
    file: project.configFile,
    exists: project.configSource !== '',
    lineOf: keyLines(project.configSource),
  };
  return identityFindings(project.config, where, { severity: 'error', honourSample: false }).map((d) => ({
    ...d,
    message: `refusing to send to ${info.where}: ${d.message}`,
  }));
}

function checkOptions(options: SendOptions): Diagnostic | undefined {
  if (options.insecure && options.requireTls)
    return diag('SEND_OPTIONS', 'error', '--insecure and --require-tls contradict each other');
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0))
    return diag('SEND_OPTIONS', 'error', '--timeout must be a number of seconds above 0');
  if (!options.to?.length && !options.recipients)
    return diag(
      'SEND_OPTIONS',
      'error',
      'no recipients',
      {},
      'give --to me@example.org or --recipients test-list.csv',
    );
  return undefined;
}

const projectLocation = ({ root, content, templates, out, config }: ProjectOptions): ProjectOptions => ({
  root,
  content,
  templates,
  out,
  config,
});

function redactOutcome(outcome: Outcome, redact: (text: string) => string): Outcome {
  return 'why' in outcome
    ? { ...outcome, why: redact(outcome.why) }
    : { ...outcome, response: redact(outcome.response) };
}
