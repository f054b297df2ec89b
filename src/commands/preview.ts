// `newsletter preview`: builds the editions, serves them with live reload until Ctrl+C.
// stdout: the URL (with --json, one JSON object per line: listening, then each rebuild); stderr: progress.
import type { EditionResult } from '../edition/results.js';
import type { ProjectOptions } from '../project.js';
import type { Rebuilt } from '../preview/state.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { EXIT, printDiagnostics, type Io } from './io.js';
import { stopSignal } from './stop-signal.js';

export interface PreviewCommandOptions extends ProjectOptions {
  port?: number;
  host?: string;
  open?: boolean;
  inbox?: boolean;
  inboxPort?: number;
  json?: boolean;
  debug?: boolean;
  /** A recipients file for the subscriber picker, as `send --recipients` reads it. */
  recipients?: string;
}

export async function previewCommand(options: PreviewCommandOptions, io: Io): Promise<number> {
  const report = (rebuilt: Rebuilt) => {
    if (options.json) {
      const editions = rebuilt.results.map(({ slug, ok, diagnostics }: EditionResult) => ({
        slug,
        ok,
        diagnostics,
      }));
      io.stdout(
        `${JSON.stringify({ event: 'rebuilt', version: rebuilt.version, ms: Math.round(rebuilt.ms), diagnostics: rebuilt.diagnostics, editions })}\n`,
      );
      return;
    }
    if (rebuilt.all) printDiagnostics(io, rebuilt.diagnostics);
    for (const result of rebuilt.results) {
      printDiagnostics(io, result.diagnostics);
      const mark = result.ok ? paint(io, 32, '✓') : paint(io, 31, '✗');
      io.stderr(`${mark} ${result.slug}${result.ok ? '' : ' failed: the preview shows the errors'}\n`);
    }
    // the first report is the project loaded: its editions build in the background, reported as they land
    io.stderr(
      rebuilt.version === 1
        ? `Loaded in ${Math.round(rebuilt.ms)} ms; building the editions in the background\n`
        : `Built ${rebuilt.results.length} in ${Math.round(rebuilt.ms)} ms\n`,
    );
  };

  // an exception while rebuilding shows as an INTERNAL_ERROR with the rebuild; the stack only with --debug
  const onError = (error: Error) => {
    if (options.debug) io.stderr(`${error.stack}\n`);
  };
  const onProblem = (problem: Diagnostic) => {
    if (options.json) io.stdout(`${JSON.stringify({ event: 'problem', diagnostics: [problem] })}\n`);
    else printDiagnostics(io, [problem]);
  };
  // A stray exception (a promise a library left rejected, an error thrown from a callback) would end the
  // process and every open page with it: while the preview runs it is reported, and the preview goes on.
  const stray = (error: unknown) => {
    io.stderr(
      `newsletter: unexpected error, the preview keeps running: ${(error as Error)?.message ?? error}\n`,
    );
    if (options.debug) io.stderr(`${(error as Error)?.stack}\n`);
  };
  process.on('unhandledRejection', stray);
  process.on('uncaughtException', stray);
  try {
    return await serve(options, io, { report, onError, onProblem });
  } finally {
    process.off('unhandledRejection', stray);
    process.off('uncaughtException', stray);
  }
}

async function serve(
  options: PreviewCommandOptions,
  io: Io,
  handlers: {
    report(rebuilt: Rebuilt): void;
    onError(error: Error): void;
    onProblem(problem: Diagnostic): void;
  },
): Promise<number> {
  // Loaded here, not at the top: the server pulls in chokidar, the SMTP inbox and mailparser, which every
  // other command would otherwise pay for at start-up.
  const { startPreview } = await import('../preview/server.js');
  const { recipients: file, ...rest } = options;
  const subscribers = file
    ? await (await import('../preview/recipients-option.js')).readPreviewRecipients(options, file)
    : { diagnostics: [] };
  if (file) printDiagnostics(io, subscribers.diagnostics);
  if (!subscribers.recipients && file) {
    if (options.json)
      io.stdout(`${JSON.stringify({ event: 'failed', diagnostics: subscribers.diagnostics })}\n`);
    return EXIT.usage;
  }
  const { openInBrowser } = await import('../preview/open-browser.js');
  // Until it listens, Ctrl-C and SIGTERM keep their default (the process ends at once): the first build is
  // long stretches of synchronous work (loading MJML alone can take a second) that no handler could
  // interrupt, and there is nothing to tidy yet.
  // the address as soon as pages are served; with --json, "ready" follows once changes are watched
  const onListening = ({ url, port, inboxPort }: { url: string; port: number; inboxPort?: number }) => {
    const inbox = inboxPort === undefined ? undefined : `smtp://127.0.0.1:${inboxPort}`;
    if (options.json)
      io.stdout(`${JSON.stringify({ event: 'listening', url, port, ...(inbox ? { inbox } : {}) })}\n`);
    else io.stdout(`${url}\n`);
    io.stderr(
      `Preview at ${paint(io, 1, url)}${inbox ? `; local inbox at ${inbox} (${url}inbox)` : ''}. Ctrl+C to stop.\n`,
    );
  };
  const started = await startPreview({
    ...rest,
    ...(subscribers.recipients ? { recipients: subscribers.recipients } : {}),
    onRebuilt: handlers.report,
    onListening,
    ...handlers,
  });
  if (!started.preview) {
    if (options.json) io.stdout(`${JSON.stringify({ event: 'failed', diagnostics: started.diagnostics })}\n`);
    printDiagnostics(io, started.diagnostics);
    return EXIT.usage;
  }
  const { preview } = started;
  const signal = stopSignal();
  if (options.json) io.stdout(`${JSON.stringify({ event: 'ready' })}\n`);
  if (options.open && !(await openInBrowser(preview.url)))
    io.stderr(`Could not open a browser: open ${preview.url} yourself.\n`);

  await signal.stopped;
  await preview.close();
  io.stderr('Preview stopped.\n');
  return EXIT.ok;
}

const paint = (io: Io, code: number, text: string) => (io.color ? `\x1b[${code}m${text}\x1b[0m` : text);
