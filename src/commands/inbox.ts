// `newsletter inbox [--port 2525]`: runs the local inbox until Ctrl-C (SIGINT), SIGTERM, or its reader goes.
import { resolve } from 'node:path';
import { diag } from '../diagnostics/diagnostic.js';
import { displayPath } from '../content/discover.js';
import { inboxDir } from '../inbox/paths.js';
import { projectRoot } from '../project-root.js';
import { InboxWriteFailed, startInbox, type RunningInbox } from '../inbox/server.js';
import { EXIT, printDiagnostics, type Io } from './io.js';
import { stopSignal } from './stop-signal.js';

export interface InboxCommandOptions {
  port?: string;
  /** The project folder (default: found as every command finds it); `out` is relative to it. */
  root?: string;
  out?: string;
  json?: boolean;
}

export const DEFAULT_INBOX_PORT = 2525;
const HOST = '127.0.0.1';

export async function inboxCommand(options: InboxCommandOptions, io: Io): Promise<number> {
  const port = options.port === undefined ? DEFAULT_INBOX_PORT : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    printDiagnostics(io, [
      diag(
        'INBOX_LISTEN',
        'error',
        `--port must be a port number (0-65535; 0 picks a free one), not "${options.port}"`,
      ),
    ]);
    return EXIT.usage;
  }
  // the project's out/, wherever in the project it runs from: where `send` and `preview` look for it too
  const outDir = resolve(projectRoot(options.root), options.out ?? 'out');
  const signal = stopSignal(); // from now on: a Ctrl-C while starting stops it once it listens
  const shown = `${displayPath(process.cwd(), inboxDir(outDir))}/`;
  let inbox: RunningInbox;
  try {
    inbox = await startInbox({
      outDir,
      port,
      host: HOST,
      onMessage: (m) => {
        if (options.json) io.stdout(`${JSON.stringify({ event: 'message', ...m })}\n`);
        else
          io.stderr(
            `received ${m.id}.eml from <${m.from}> for ${m.to.map((a) => `<${a}>`).join(', ')} (${m.size} bytes)\n`,
          );
      },
    });
  } catch (error) {
    signal.release();
    if (error instanceof InboxWriteFailed) {
      printDiagnostics(io, [error.diagnostic(process.cwd())]);
      return EXIT.failure;
    }
    const code = (error as NodeJS.ErrnoException).code;
    const hint =
      code === 'EADDRINUSE'
        ? `another program (perhaps another inbox) listens on ${port}: choose another with --port, or --port 0 for any free port`
        : undefined;
    printDiagnostics(io, [
      diag(
        'INBOX_LISTEN',
        'error',
        `cannot listen on ${HOST}:${port}: ${(error as Error).message}`,
        {},
        hint,
      ),
    ]);
    return EXIT.usage;
  }
  if (options.json)
    io.stdout(`${JSON.stringify({ event: 'listening', host: HOST, port: inbox.port, dir: shown })}\n`);
  else {
    io.stderr(`Inbox listening on ${HOST}:${inbox.port}; messages are kept in ${shown}\n`);
    io.stderr(
      'Without SMTP settings, `newsletter send <slug> --to you@example.org` delivers here; `newsletter preview` shows it at /inbox.\n',
    );
    io.stderr('Press Ctrl-C to stop.\n');
  }
  await signal.stopped;
  await inbox.close();
  if (!options.json) io.stderr('Inbox stopped.\n');
  return EXIT.ok;
}
