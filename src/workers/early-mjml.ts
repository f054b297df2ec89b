// A first build of one or a few editions takes as long as loading MJML, which happens in a thread of its
// own (mjml-thread.ts) while this one does everything else. Started before the project and its libraries
// load, that thread ends such a build a tenth of a second sooner. Only when the build will surely compile
// in this process: no build cache yet (a first build, or out/ deleted), and too few editions for worker
// threads. This module loads nothing heavy, so the CLI can call it first.
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCacheFile } from '../output/private-dir.js';
import { startMjmlThread } from '../render/render-path.js';

/** Below this many editions to build, starting workers (each loads MJML again) costs more than it saves. */
export const MIN_EDITIONS_FOR_WORKERS = 8;

export function startMjmlEarly(options: {
  root?: string;
  content?: string;
  out?: string;
  slugs?: string[];
}): void {
  const root = resolve(options.root ?? process.cwd());
  if (existsSync(buildCacheFile(resolve(root, options.out ?? 'out')))) return; // incremental: it may compile nothing
  const editions = options.slugs?.length
    ? options.slugs.length
    : entriesIn(resolve(root, options.content ?? 'content'));
  if (editions < MIN_EDITIONS_FOR_WORKERS) startMjmlThread({ loadMjml: true });
}

/** Files and folders in the content folder: an upper bound on its editions. */
function entriesIn(dir: string): number {
  try {
    return readdirSync(dir).length;
  } catch {
    return Infinity; // no content folder: the build will say so, and compile nothing
  }
}
