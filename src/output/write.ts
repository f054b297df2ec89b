// Atomic writes: a reader (or a crash) never sees half a file, and a failed edition leaves the previous
// output untouched. Each file goes to a temporary name beside its target, then is renamed over it; files
// bound for a folder that does not exist yet go into a temporary folder, renamed into place whole.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { OutputFile } from './edition-output.js';

/**
 * A temporary name, beside its target: it names the process that made it, so that a later one can tell a
 * leftover of a killed run from a file still being written (output/swap.ts removes the leftovers). Not named
 * after the target: a name near the file system's limit would not fit with a suffix.
 */
export const temporaryName = (): string => `.nl-${process.pid}-${randomBytes(6).toString('hex')}.tmp`;

/** A temporary file or folder, and where it goes. */
interface Staged {
  temporary: string;
  path: string;
  folder: boolean;
}

export const writeAtomic = (path: string, data: string | Uint8Array): Promise<void> =>
  writeAllAtomic([{ path, data }]);

/**
 * Writes a set of files: all are staged first, then all renamed, so an edition's files change together.
 *
 * A new folder (an edition built for the first time) is written as a temporary folder and renamed once:
 * creating a file and renaming it costs the file system about three times what creating it in place does,
 * and most of a first build's writing is that. Synchronous calls on purpose: for an edition's handful of
 * small files they take a fraction of the time of fs/promises' thread-pool round trips (about 0.5 ms
 * against 4 ms for the eight files of an edition), and builds of many editions run in worker threads,
 * where blocking holds up nothing else.
 */
export async function writeAllAtomic(files: OutputFile[]): Promise<void> {
  const staged: Staged[] = [];
  try {
    for (const [folder, inFolder] of byFolder(files)) {
      if (!existsSync(folder)) {
        const temporary = join(dirname(folder), temporaryName());
        mkdirSync(temporary, { recursive: true });
        staged.push({ temporary, path: folder, folder: true });
        for (const file of inFolder) writeFileSync(join(temporary, basename(file.path)), file.data);
      } else {
        for (const file of inFolder) {
          if (file.contentAddressed && existsSync(file.path)) continue; // same name, same bytes: not copied again
          const temporary = join(folder, temporaryName());
          staged.push({ temporary, path: file.path, folder: false });
          writeFileSync(temporary, file.data);
        }
      }
    }
  } catch (error) {
    for (const s of staged) rmSync(s.temporary, { recursive: true, force: true });
    throw error;
  }
  // Renames rarely fail once the writes succeeded (same folder, same disk); if one does, the files renamed
  // so far stay new, and no temporary file is left behind.
  let renamed = 0;
  try {
    for (const s of staged) {
      if (s.folder) renameFolder(s.temporary, s.path);
      else renameSync(s.temporary, s.path);
      renamed++;
    }
  } catch (error) {
    for (const s of staged.slice(renamed)) rmSync(s.temporary, { recursive: true, force: true });
    throw error;
  }
}

function byFolder(files: OutputFile[]): Map<string, OutputFile[]> {
  const folders = new Map<string, OutputFile[]>();
  for (const file of files) {
    const folder = dirname(file.path);
    const inFolder = folders.get(folder) ?? [];
    inFolder.push(file);
    folders.set(folder, inFolder);
  }
  return folders;
}

/**
 * The folder appeared since it was staged (another build, or a later folder of the same set created it as
 * a parent): its files are moved in one by one instead. A folder that is there but empty is simply replaced.
 */
function renameFolder(temporary: string, path: string): void {
  try {
    renameSync(temporary, path);
  } catch (error) {
    if (!existsSync(path)) throw error;
    for (const name of readdirSync(temporary)) renameSync(join(temporary, name), join(path, name));
    rmSync(temporary, { recursive: true, force: true });
  }
}
