// Folders in out/ that newsletter writes into, checked never to be symbolic links: a link at out/<slug> or
// out/.newsletter would have build write wherever it points. A module of its own, light enough for the MJML
// thread (render/fast/skeleton-store.ts) as for the writes (output/swap.ts).
import { lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A refusal to write through a symbolic link (or into something that is not a folder): WRITE_FAILED. */
export class RefusedPath extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/**
 * The folder `dir` under `outDir` as a real folder, made if missing: every part of it below `outDir` is
 * checked, so a symbolic link there (out/.newsletter -> /somewhere) is refused instead of written through.
 * Checked at every call, never remembered: a long-lived process (preview) builds again after the folders
 * may have changed, and the check costs a few system calls an edition.
 */
export function realFolder(outDir: string, ...parts: string[]): string {
  let path = outDir;
  mkdirSync(outDir, { recursive: true }); // out/ itself may be a link: where the writer publishes from
  for (const part of parts) {
    path = join(path, part);
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat) mkdirSync(path);
    else if (stat.isSymbolicLink())
      throw new RefusedPath(`${path} is a symbolic link: newsletter does not write through one`, path);
    else if (!stat.isDirectory()) throw new RefusedPath(`${path} is not a folder`, path);
  }
  return path;
}
