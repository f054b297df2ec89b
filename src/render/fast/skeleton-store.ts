// Compiled skeletons (see skeleton.ts): in memory for the life of the thread, and, for builds that
// write, on disk in out/.newsletter/cache/mjml/, so that the next build (a writer saving an article) can
// reuse them without loading MJML at all. A file holds the hash of its HTML on its first line: a file that
// is cut short or edited does not match and is ignored, like everything else in the cache.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { realFolder } from '../../output/real-folder.js';
import type { SkeletonFolder } from '../mjml-options.js';

/** Enough for every layout a project uses; a preview session that keeps changing templates stays bounded. */
const IN_MEMORY = 64;
/** On disk, each template change adds skeletons: past this many, the oldest go (about 25 KB each). */
const ON_DISK = 200;
/** A temporary file this old was left by a process that was killed mid-write; younger ones may be in use. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;
const memory = new Map<string, string>();

/** Whether any compiled skeleton is on disk: if none, the build will surely need MJML itself. */
export function hasStoredSkeletons(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => name.endsWith('.html'));
  } catch {
    return false;
  }
}

const digest = (html: string) => createHash('sha256').update(html).digest('hex');

export function storedSkeleton(key: string, folder?: SkeletonFolder): string | undefined {
  const known = memory.get(key);
  if (known !== undefined || !folder) return known;
  const { dir } = folder;
  let text: string;
  try {
    text = readFileSync(join(dir, `${key}.html`), 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const html = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== digest(html)) return undefined;
  remember(key, html);
  return html;
}

/** Keeps a compiled skeleton; writes it to the folder too when it may (a failed write only costs a later
 * compile). */
export function storeSkeleton(key: string, html: string, folder?: SkeletonFolder): void {
  remember(key, html);
  if (!folder?.write) return;
  const { dir } = folder;
  const file = join(dir, `${key}.html`);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    // out/.newsletter/cache/mjml, never through a symbolic link at any of its three parts (output/swap.ts)
    const out = resolve(dir, '..', '..', '..');
    realFolder(out, ...relative(out, dir).split(sep));
    writeFileSync(temporary, `${digest(html)}\n${html}`);
    renameSync(temporary, file); // whole or not at all, even with several threads writing the same skeleton
    prune(dir);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written where nothing could be
    }
    // the cache is an optimisation: a full disk or a read-only out/ must not fail the build
  }
}

/** Keeps the folder bounded: the oldest skeletons past ON_DISK, and temporary files nobody will finish. */
export function prune(dir: string, now = Date.now()): void {
  const files = readdirSync(dir).map((name) => ({
    name,
    mtimeMs: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs,
  }));
  const leftovers = files.filter(
    (f) => f.name.endsWith('.tmp') && f.mtimeMs !== undefined && now - f.mtimeMs > STALE_TEMPORARY_MS,
  );
  const skeletons = files
    .filter((f) => f.name.endsWith('.html') && f.mtimeMs !== undefined)
    .sort((a, b) => b.mtimeMs! - a.mtimeMs!);
  for (const { name } of [...leftovers, ...skeletons.slice(ON_DISK)])
    rmSync(join(dir, name), { force: true });
}

function remember(key: string, html: string): void {
  memory.delete(key);
  memory.set(key, html);
  if (memory.size > IN_MEMORY) memory.delete(memory.keys().next().value!);
}
