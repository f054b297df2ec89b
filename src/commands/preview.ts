// `newsletter preview`: builds the editions, serves them with live reload until Ctrl+C.
// stdout: the URL (with --json, one JSON object per line: listening, then each rebuild); stderr: progress.
import type { EditionResult } from '../edition/results.js';
import type { ProjectOptions } from '../project.js';
import type { Rebuilt } from '../preview/state.js';
import { stopSignal } from './inbox.js';
import { EXIT, printDiagnostics, type Io } from './io.js';

export interface PreviewCommandOptions extends ProjectOptions {
  port?: number;
  host?: string;
  open?: boolean;
  inbox?: boolean;
  inboxPort?: number;
  json?: boolean;
  debug?: boolean;
}

/** commander argument parser for --port and --inbox-port. */
export async function previewCommand(
  options: PreviewCommandOptions,
  io: Io,
  stopped: Promise<void> = stopSignal(),
): Promise<number> {
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
    io.stderr(`${rebuilt.version === 1 ? 'Built' : 'Rebuilt'} in ${Math.round(rebuilt.ms)} ms\n`);
  };

  // Loaded here, not at the top: the server pulls in chokidar, the SMTP inbox and mailparser, which
  // every other command would otherwise pay for at start-up.
  const { startPreview } = await import('../preview/server.js');
  const { openInBrowser } = await import('../preview/open-browser.js');
  const onError = (error: Error) => {
    io.stderr(`newsletter: rebuilding failed: ${error.message}\n`);
    if (options.debug) io.stderr(`${error.stack}\n`);
  };
  const started = await startPreview({ ...options, onRebuilt: report, onError });
  if (!started.preview) {
    if (options.json) io.stdout(`${JSON.stringify({ event: 'failed', diagnostics: started.diagnostics })}\n`);
    printDiagnostics(io, started.diagnostics);
    return EXIT.usage;
  }
  const { preview } = started;
  const inbox = preview.inboxPort === undefined ? undefined : `smtp://127.0.0.1:${preview.inboxPort}`;
  if (options.json)
    io.stdout(
      `${JSON.stringify({ event: 'listening', url: preview.url, port: preview.port, ...(inbox ? { inbox } : {}) })}\n`,
    );
  else io.stdout(`${preview.url}\n`);
  io.stderr(
    `Preview at ${paint(io, 1, preview.url)}${inbox ? `; local inbox at ${inbox} (${preview.url}inbox)` : ''}. Ctrl+C to stop.\n`,
  );
  if (options.open && !(await openInBrowser(preview.url)))
    io.stderr(`Could not open a browser: open ${preview.url} yourself.\n`);

  await stopped;
  await preview.close();
  io.stderr('Preview stopped.\n');
  return EXIT.ok;
}

const paint = (io: Io, code: number, text: string) => (io.color ? `\x1b[${code}m${text}\x1b[0m` : text);
