// Writes an edition folder whole or not at all: the files go into a hidden sibling folder (content
// discovery skips names starting with "."), which is then renamed into place. With --force an existing
// edition is moved aside first and removed once the new one stands.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeEditionFolder(
  folder: string,
  files: Map<string, string>,
  replace: boolean,
): Promise<void> {
  const parent = dirname(folder);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.${basename(folder)}.import-${stamp}`);
  await mkdir(staging, { recursive: true });
  try {
    for (const [name, text] of files) await writeFile(join(staging, name), text, { flag: 'wx' });
    const aside = join(parent, `.${basename(folder)}.replaced-${stamp}`);
    // a one-file edition of the same slug (<slug>.md or .txt) is replaced too, or two editions would share it
    const moved: string[] = [];
    if (replace) {
      for (const existing of [folder, `${folder}.md`, `${folder}.txt`]) {
        const target = `${aside}${existing.slice(folder.length)}`;
        if (
          await rename(existing, target).then(
            () => true,
            () => false,
          )
        )
          moved.push(target);
      }
    }
    await rename(staging, folder);
    for (const old of moved) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
