// `newsletter preview` as a library: build every edition, serve them over node:http, watch the project
// and rebuild what changed, tell open pages to reload. The command (commands/preview.ts), the tests and
// the latency benchmark all start it through startPreview.
import { createServer, type Server } from 'node:http';
import { inboxDir } from '../inbox/paths.js';
import { InboxWriteFailed, startInbox, type RunningInbox } from '../inbox/server.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { projectPaths, type ProjectOptions } from '../project.js';
import { loadStages } from '../pipeline.js';
import { startMjmlThread, stopMjmlThread } from '../render/render-path.js';
import { buildPending } from './background.js';
import type { ChangePlan } from './changes.js';
import { LiveReload } from './live-reload.js';
import { listen, PortInUse } from './listen.js';
import { createHandler } from './routes.js';
import type { Recipient } from '../send/recipients.js';
import { previewSubscribers } from './subscriber-view.js';
import { internalError, PreviewState, type Rebuilt } from './state.js';
import { watchProject, type ProjectWatcher } from './watcher.js';

export interface PreviewOptions extends ProjectOptions {
  /** Listen here; taken means an error. Without it: 4000, or the next free port. 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Start the local inbox (default true); `inboxPort` 0 or absent: any free port. */
  inbox?: boolean;
  inboxPort?: number;
  /** Also write what build writes into out/ on every rebuild (default false: the preview serves from
   *  memory, and skipping the .eml and the writes keeps the change-to-reload time down). */
  write?: boolean;
  debounceMs?: number;
  /** The subscriber picker's list (`--recipients`); without it, the config's defaults and a sample. */
  recipients?: Recipient[];
  /** Called as soon as the server listens, before the watcher is ready (pages are served from then on). */
  onListening?(listening: { url: string; port: number; inboxPort?: number }): void;
  /** Called once the project is loaded, after each batch of editions built in the background, and after
   *  every rebuild. */
  onRebuilt?(rebuilt: Rebuilt): void;
  /** An unexpected error while rebuilding (it also shows as an INTERNAL_ERROR); the server keeps running. */
  onError?(error: Error): void;
  /** Something the watcher cannot watch (WATCH_FAILED), or the inbox cannot write (WRITE_FAILED): the
   *  preview goes on without it; the pages show it too. */
  onProblem?(problem: Diagnostic): void;
}

export interface RunningPreview {
  url: string;
  port: number;
  state: PreviewState;
  /** The local inbox's SMTP port, when it runs. */
  inboxPort?: number;
  close(): Promise<void>;
}

export type StartedPreview =
  { preview: RunningPreview; diagnostics: Diagnostic[] } | { preview?: undefined; diagnostics: Diagnostic[] };

/**
 * Listens before building: the project is loaded and its editions listed (with what build kept of them,
 * where current), then every edition is built in the background, and one a page asks for first.
 */
export async function startPreview(options: PreviewOptions): Promise<StartedPreview> {
  const paths = projectPaths(options);
  const host = options.host ?? '127.0.0.1';
  // aborted on close: a rebuild in progress then ends after its current edition
  const stopping = new AbortController();
  const state = new PreviewState(
    options,
    options.write ?? false,
    (error) => options.onError?.(error),
    stopping.signal,
  );
  // MJML loads and compiles in a thread of its own: the first editions' compiles never hold up a page
  startMjmlThread({ loadMjml: true });
  // and the stages load while the project does: the first page asked for waits for one edition, not for them
  for (const half of ['render', 'finish'] as const) loadStages(half).catch(() => undefined);
  const first = await state.start();
  // A project that cannot even be read (bad config, no content folder) is a usage error; a template or
  // content error is what the preview is for: it starts and shows the overlay.
  if (state.usageError) {
    stopMjmlThread();
    return { diagnostics: state.projectDiagnostics };
  }
  options.onRebuilt?.(first);

  let inbox: RunningInbox | undefined;
  if (options.inbox ?? true) {
    try {
      inbox = await startInbox({ outDir: paths.out, port: options.inboxPort ?? 0, host: '127.0.0.1' });
    } catch (error) {
      // an out/ folder the inbox cannot write to costs the inbox, not the preview
      if (error instanceof InboxWriteFailed) {
        const problem = error.diagnostic(paths.root, 'warning');
        state.serveDiagnostics.push(problem);
        options.onProblem?.(problem);
      } else return { diagnostics: [portProblem(options.inboxPort ?? 0, '--inbox-port', error as Error)] };
    }
  }

  const live = new LiveReload();
  const server = createServer(
    createHandler({
      state,
      live,
      host,
      outDir: paths.out,
      subscribers: previewSubscribers(options.recipients),
      ...(inbox ? { inbox: `smtp://127.0.0.1:${inbox.port}` } : {}),
    }),
  );
  let port: number;
  try {
    port = await listen(server, host, options.port);
  } catch (error) {
    stopMjmlThread();
    await inbox?.close();
    return { diagnostics: [portProblem(options.port ?? 0, '--port', error as Error)] };
  }

  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}/`;
  options.onListening?.({ url, port, ...(inbox ? { inboxPort: inbox.port } : {}) });
  // the pages a browser asks for on opening come first; then the watcher's scan and the background builds
  await quietMoment(server);

  const rebuild = async (plan: ChangePlan) => {
    let rebuilt: Rebuilt;
    try {
      rebuilt = await state.apply(plan);
    } catch (error) {
      // state.apply turns what a build throws into diagnostics; this is a bug of the preview itself:
      // say so on the pages and in the terminal, keep serving, and load the project afresh next time
      // (which also replaces this message)
      options.onError?.(error as Error);
      state.project = undefined;
      state.projectDiagnostics = [internalError(error, 'rebuilding')];
      rebuilt = {
        version: ++state.version,
        all: true,
        diagnostics: state.projectDiagnostics,
        results: [],
        ms: 0,
      };
    }
    announce(rebuilt);
  };
  const announce = (rebuilt: Rebuilt) => {
    live.broadcast('rebuilt', {
      version: rebuilt.version,
      all: rebuilt.all,
      slugs: rebuilt.results.map((r) => r.slug),
    });
    options.onRebuilt?.(rebuilt);
  };
  // The first edition built loads and compiles the pipeline's code, long stretches of synchronous work no
  // stop handler could interrupt: it is built (beside the watcher's scan) before startPreview returns and
  // the command takes over Ctrl-C, so a stop asked during it ends the process at once, as before listening.
  let firstDone = () => {};
  const firstBuilt = new Promise<void>((resolve) => (firstDone = resolve));
  void buildPending(state, stopping.signal, announce, firstDone).catch((error: Error) => {
    firstDone();
    options.onError?.(error);
  });
  let watcher: ProjectWatcher;
  try {
    watcher = await watchProject({
      paths: { content: paths.content, templates: paths.templates, config: paths.config, out: paths.out },
      root: paths.root,
      ...(inbox ? { inbox: inboxDir(paths.out) } : {}),
      debounceMs: options.debounceMs,
      onPlan: rebuild,
      onInbox: () => live.broadcast('inbox', { version: state.version }),
      onProblem: (problem) => {
        state.serveDiagnostics.push(problem);
        options.onProblem?.(problem);
        live.broadcast('rebuilt', { version: ++state.version, all: true, slugs: [] });
      },
    });
  } catch (error) {
    // nothing may keep listening once start-up failed: the process would never end
    stopping.abort();
    stopMjmlThread();
    live.close();
    server.closeAllConnections();
    server.close();
    await inbox?.close();
    throw error;
  }

  await firstBuilt;
  let closing: Promise<void> | undefined;
  return {
    diagnostics: state.projectDiagnostics,
    preview: {
      url,
      port,
      state,
      ...(inbox ? { inboxPort: inbox.port } : {}),
      close: () =>
        (closing ??= (async () => {
          // the background stops after its current edition; closing does not wait for that edition
          stopping.abort();
          stopMjmlThread();
          await watcher.close();
          live.close();
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          await inbox?.close();
        })()),
    },
  };
}

/** How long no page is asked for before the preview turns to its own work (the watcher's scan of the
 *  project, the background builds), which would hold up the pages a browser asks for on opening. */
const QUIET_MS = 300;
/** However busy the pages keep it, it turns to its own work by then. */
const QUIET_AT_MOST_MS = 2000;

function quietMoment(server: Server): Promise<void> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(latest);
      server.off('request', wait);
      resolve();
    };
    const wait = () => {
      clearTimeout(timer);
      timer = setTimeout(done, QUIET_MS);
    };
    const latest = setTimeout(done, QUIET_AT_MOST_MS);
    server.on('request', wait);
    wait();
  });
}

function portProblem(port: number, option: string, error: Error): Diagnostic {
  if (error instanceof PortInUse || (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return diag(
      'PORT_IN_USE',
      'error',
      `port ${port} is in use`,
      {},
      `choose another with ${option}, or leave it out to use a free one`,
    );
  }
  return diag(
    'PORT_IN_USE',
    'error',
    `cannot listen on port ${port}: ${error.message}`,
    {},
    `choose another with ${option}`,
  );
}
