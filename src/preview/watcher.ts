// Watches the content, the templates and the config (chokidar: it sees editors' atomic saves as one
// change), merges each burst of events into one plan, and hands plans over one at a time: a change that
// lands during a rebuild waits for it, then goes in the next.
import { watch } from 'chokidar';
import { dirname, relative, sep } from 'node:path';
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
  /** The local inbox folder: new messages there call onInbox. */
  inbox?: string;
  /** Quiet time after the last event before rebuilding: an editor's save is several events. */
  debounceMs?: number;
  onPlan(plan: ChangePlan): Promise<void>;
  onInbox?(): void;
}

export interface ProjectWatcher {
  close(): Promise<void>;
}

const isWithin = (parent: string, path: string) => {
  const rel = relative(parent, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
};

export async function watchProject(options: WatchOptions): Promise<ProjectWatcher> {
  const { paths, inbox, debounceMs = 10 } = options;
  const folders = [paths.content, paths.templates, ...(inbox ? [inbox] : [])];
  // Watching the config's folder (often the project root) must not descend into out/ or node_modules:
  // keep only the config itself, the watched folders and the folders on the way to them.
  const relevant = (path: string) =>
    path === paths.config || folders.some((f) => isWithin(f, path) || isWithin(path, f));
  const watcher = watch([...folders, dirname(paths.config)], {
    ignoreInitial: true,
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

  watcher.on('all', (event, path) => {
    if (inbox && isWithin(inbox, path)) {
      if (event === 'add' && path.endsWith('.eml')) options.onInbox?.();
      return;
    }
    if (!addToPlan(pending, event as WatchEvent, path, paths)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void drain(), debounceMs);
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
