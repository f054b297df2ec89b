// Atomic writes: each file goes to a temporary name beside its target, then is renamed over it, so a
// reader (or a crash) never sees half a file, and a failed edition leaves the previous output untouched.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const writeAtomic = (path: string, data: string | Uint8Array): Promise<void> => writeAllAtomic([{ path, data }]);

/** Writes a set of files: all are staged first, then all renamed, so an edition's files change together. */
export async function writeAllAtomic(files: { path: string; data: string | Uint8Array }[]): Promise<void> {
  const staged: { temporary: string; path: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temporary = join(dirname(file.path), `.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ temporary, path: file.path });
      await writeFile(temporary, file.data);
    }
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.temporary, { force: true })));
    throw error;
  }
  for (const s of staged) await rename(s.temporary, s.path);
}
