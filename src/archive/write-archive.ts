// Writes the web archive after a build: out/index.html and out/feed.xml, from the manifest in out/ of every
// edition that still has a source in the project.
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { messageDate } from '../output/edition-output.js';
import { writeAllAtomic } from '../output/write.js';
import { archivePage } from './archive-page.js';
import { atomFeed } from './atom-feed.js';
import { readArchiveEntries } from './entries.js';

export async function writeArchive(
  outDir: string,
  outLabel: string,
  config: Config,
  /** The slugs the project has a source for: the archive and the feed list only those. */
  sources: ReadonlySet<string>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Diagnostic[]> {
  let read: Awaited<ReturnType<typeof readArchiveEntries>>;
  try {
    read = await readArchiveEntries(outDir, outLabel, sources);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []; // nothing built yet
    return [
      diag('READ_FAILED', 'error', `cannot list the editions for the archive: ${(error as Error).message}`, {
        file: outLabel,
      }),
    ];
  }
  const { entries, diagnostics } = read;
  try {
    await writeAllAtomic([
      { path: join(outDir, 'index.html'), data: archivePage(entries, config) },
      // a feed needs absolute addresses: none until the config says where out/ is published (IDENTITY_MISSING)
      ...(config.url
        ? [{ path: join(outDir, 'feed.xml'), data: atomFeed(entries, config, messageDate({}, env)) }]
        : []),
    ]);
    return diagnostics;
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' &&
      (error as NodeJS.ErrnoException).path === outDir
    )
      return []; // nothing built yet
    return [
      diag('WRITE_FAILED', 'error', `cannot write the archive: ${(error as Error).message}`, {
        file: `${outLabel}/index.html`,
      }),
    ];
  }
}
