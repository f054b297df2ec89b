import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The build cache inside out/: not part of what a build publishes. */
export const CACHE = join('.newsletter', 'cache');

/** Every file below `dir` (relative paths, sorted), the build cache left out. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((path) => !path.startsWith(CACHE))
    .sort();
}
