// Watches the content, the templates and the config (chokidar: it sees editors' atomic saves as one
// change), merges each burst of events into one plan, and hands plans over one at a time: a change that
// lands during a rebuild waits for it, then goes in the next.
// It follows no symlink: a link inside content/ that loops (`up -> ..`, `a -> b -> a`) or leads out of the
// project (`etc -> /etc`) is seen as a link and never entered (build skips such links too). What the watcher
// cannot watch becomes a WATCH_FAILED warning: the preview goes on without live reload there.
import { watch } from 'chokidar';
import type { Stats } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import {
  addToPlan,
  emptyPlan,
  isEmptyPlan,
  type ChangePlan,
  type WatchedPaths,
  type WatchEvent,
} from './changes.js';

export interface WatchOptions {
  paths: WatchedPaths;
  /** The project root, for the file names in diagnostics. */
  root: string;
  /** The local inbox folder: new messages there call onInbox. */
  inbox?: string;
  /** Quiet time after the last event before rebuilding: an editor's save is several events. */
  debounceMs?: number;
  onPlan(plan: ChangePlan): Promise<void>;
  onInbox?(): void;
  /** Something could not be watched; the watcher goes on with the rest. */
  onProblem?(problem: Diagnostic): void;
}

export interface ProjectWatcher {
  /** Every path being watched (for tests: nothing outside the project, nothing through a link). */
  watched(): string[];
  close(): Promise<void>;
}

const isWithin = (parent: string, path: string) => {
  const rel = relative(parent, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
};

/** A path with its symlinks resolved, as the watcher (which follows none) sees the files; a path that does
 *  not exist yet keeps its resolved folder. */
async function real(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** What an error of the watcher means for the writer, as a diagnostic naming the path. */
export function watchProblem(error: unknown, root: string): Diagnostic {
  const { code, path, message } = error as NodeJS.ErrnoException;
  const file = path ? relative(root, path).split(sep).join('/') || '.' : undefined;
  const why =
    code === 'ELOOP'
      ? 'a symbolic link loops'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOSPC' || code === 'EMFILE'
          ? 'the system limit on watched files is reached'
          : (message ?? String(error));
  return diag(
    'WATCH_FAILED',
    'warning',
    `cannot watch ${file ?? 'a file'}: ${why}${code && !why.includes(code) ? ` (${code})` : ''}`,
    file ? { file } : {},
    'changes there are not picked up: fix it and restart the preview',
  );
}

/**
 * How long after a file's last event the watcher looks at it again. A file written in two steps (emptied,
 * then filled: what `cp`, many editors and `fs.writeFile` do) gives two events a few milliseconds apart, and
 * chokidar drops a change that comes within 50 ms of the last one it reported for the same file: the
 * preview would keep what the first step left, an empty file. So a file whose size or times differ from what
 * its last event said, this long after (more than those 50 ms), is taken as changed once more.
 */
const SETTLE_MS = 100;

/** Whether a file looked at again is other than what its event said (undefined: gone, which chokidar reports). */
const movedOn = (said: Stats, now: Stats | undefined) =>
  now !== undefined &&
  (now.size !== said.size || now.mtimeMs !== said.mtimeMs || now.ctimeMs !== said.ctimeMs);

export async function watchProject(options: WatchOptions): Promise<ProjectWatcher> {
  const { debounceMs = 10 } = options;
  const [content, templates, config, out, inbox] = await Promise.all(
    [options.paths.content, options.paths.templates, options.paths.config, options.paths.out].map(real),
  ).then(async (paths) => [...paths, options.inbox ? await real(options.inbox) : undefined]);
  const paths: WatchedPaths = { content: content!, templates: templates!, config: config!, out: out! };
  const folders = [paths.content, paths.templates, ...(inbox ? [inbox] : [])];
  // Watching the config's folder (often the project root) must not descend into out/ or node_modules:
  // keep only the config itself, the watched folders and the folders on the way to them.
  const relevant = (path: string) =>
    path === paths.config || folders.some((f) => isWithin(f, path) || isWithin(path, f));
  const watcher = watch([...folders, dirname(paths.config)], {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (path) => !relevant(path),
  });

  let pending = emptyPlan();
  let timer: NodeJS.Timeout | undefined;
  let draining = false;
  const drain = async () => {
    if (draining) return; // the running drain picks up what arrived meanwhile
    draining = true;
    try {
      while (!isEmptyPlan(pending)) {
        const plan = pending;
        pending = emptyPlan();
        await options.onPlan(plan);
      }
    } finally {
      draining = false;
    }
  };

  let closed = false;
  const settling = new Map<string, NodeJS.Timeout>();
  const settle = (path: string, said: Stats) => {
    clearTimeout(settling.get(path));
    const again = setTimeout(() => {
      settling.delete(path);
      void lstat(path) // as chokidar, which follows no symlink, reports them
        .catch(() => undefined)
        .then((now) => {
          if (!closed && movedOn(said, now)) onEvent('change', path, now);
        });
    }, SETTLE_MS);
    settling.set(path, again);
  };
  const onEvent = (event: string, path: string, stats?: Stats) => {
    if (inbox && isWithin(inbox, path)) {
      if (event === 'add' && path.endsWith('.eml')) options.onInbox?.();
      return;
    }
    if (!addToPlan(pending, event as WatchEvent, path, paths)) return;
    if ((event === 'add' || event === 'change') && stats) settle(path, stats);
    clearTimeout(timer);
    timer = setTimeout(() => void drain(), debounceMs);
  };
  watcher.on('all', onEvent);
  // chokidar reports an error and goes on watching the rest; without a listener it would end the process
  watcher.on('error', (error) => options.onProblem?.(watchProblem(error, options.root)));
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return {
    watched: () =>
      Object.entries(watcher.getWatched()).flatMap(([dir, names]) => [
        dir,
        ...names.map((n) => join(dir, n)),
      ]),
    close: async () => {
      closed = true;
      clearTimeout(timer);
      for (const again of settling.values()) clearTimeout(again);
      await watcher.close();
    },
  };
}
