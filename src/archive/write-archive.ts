// Writes the web archive after a build: out/index.html and out/feed.xml, from the manifest in out/ of every
// edition that still has a source in the project.
//
// What they were last made from is kept in out/.newsletter/cache/archive.json: each manifest's stamp and
// what the archive took from it, and a digest of everything the two files are made of. A build that changed
// nothing the archive shows (none, or only an article's body) reads no manifest again and writes nothing; a
// file edited or deleted by hand is written again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { messageDate } from '../output/message-date.js';
import { cacheDirIn, PRIVATE_DIR } from '../output/private-dir.js';
import { realFolder } from '../output/real-folder.js';
import { writeAllAtomic, writeAtomic } from '../output/write.js';
import { digest } from '../cache/digest.js';
import { isStamp, stampFile, stampsMatch, type FileStamp } from '../cache/stamps.js';
import { toolFingerprint } from '../cache/tool.js';
import { archivePage } from './archive-page.js';
import { atomFeed } from './atom-feed.js';
import { readArchiveEntries, type KnownManifest } from './entries.js';

export async function writeArchive(
  outDir: string,
  outLabel: string,
  config: Config,
  /** The slugs the project has a source for: the archive and the feed list only those. */
  sources: ReadonlySet<string>,
  options: {
    env?: NodeJS.ProcessEnv;
    /** Stamps of files in out/ that this build compared a moment ago (see readArchiveEntries). */
    checked?: ReadonlyMap<string, FileStamp> | undefined;
  } = {},
): Promise<Diagnostic[]> {
  const { env = process.env, checked } = options;
  const cacheDir = cacheDirIn(outDir);
  const tool = toolFingerprint(cacheDir);
  const kept = readKept(join(cacheDir, KEPT_FILE), tool);
  let read: Awaited<ReturnType<typeof readArchiveEntries>>;
  try {
    read = await readArchiveEntries(outDir, outLabel, sources, kept?.manifests, checked);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []; // nothing built yet
    return [
      diag('READ_FAILED', 'error', `cannot list the editions for the archive: ${(error as Error).message}`, {
        file: outLabel,
      }),
    ];
  }
  const { entries, diagnostics, manifests, changed } = read;
  const updated = messageDate({}, env);
  const files = [
    'index.html',
    // a feed needs absolute addresses: none until the config says where out/ is published (IDENTITY_MISSING)
    ...(config.url ? ['feed.xml'] : []),
  ];
  // what the two files are made of (the feed's own date only shows when it lists no edition)
  const key = digest([
    JSON.stringify(config),
    JSON.stringify(entries),
    ...(entries.length === 0 ? [updated.toISOString()] : []),
    ...files,
  ]);
  const current = kept?.key === key && stampsMatch(outDir, kept.outputs);
  try {
    if (!current)
      await writeAllAtomic([
        { path: join(outDir, 'index.html'), data: archivePage(entries, config) },
        ...(config.url ? [{ path: join(outDir, 'feed.xml'), data: atomFeed(entries, config, updated) }] : []),
      ]);
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
  const outputs = current ? kept.outputs : files.map((file) => stampFile(outDir, file));
  if ((!current || changed) && outputs.every((stamp) => stamp !== undefined))
    await keep(outDir, { format: KEPT_FORMAT, tool, key, outputs, manifests });
  return diagnostics;
}

const KEPT_FILE = 'archive.json';
const KEPT_FORMAT = 1;

interface Kept {
  format: typeof KEPT_FORMAT;
  /** toolFingerprint() of the code that wrote it: another version reads every manifest again. */
  tool: string;
  key: string;
  /** index.html and feed.xml as written, relative to out/. */
  outputs: FileStamp[];
  manifests: Record<string, KnownManifest>;
}

function readKept(file: string, tool: string): Kept | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<Kept>;
    const valid =
      kept.format === KEPT_FORMAT &&
      kept.tool === tool &&
      typeof kept.key === 'string' &&
      Array.isArray(kept.outputs) &&
      kept.outputs.every(isStamp) &&
      typeof kept.manifests === 'object' &&
      kept.manifests !== null &&
      Object.values(kept.manifests).every(isKnownManifest);
    return valid ? (kept as Kept) : undefined;
  } catch {
    return undefined; // none yet, or unreadable: every manifest is read, both files written
  }
}

/** The shape of a kept manifest; its entry is checked as a manifest is when it is used (entries.ts). */
function isKnownManifest(value: unknown): value is KnownManifest {
  const known = value as KnownManifest | null;
  return (
    typeof known === 'object' &&
    known !== null &&
    Number.isFinite(known.size) &&
    Number.isFinite(known.mtimeMs) &&
    Number.isFinite(known.ctimeMs) &&
    (known.entry === null || typeof known.entry === 'object')
  );
}

/** Saved for the next build; one that cannot be saved costs that build its skipping, nothing else. */
async function keep(outDir: string, kept: Kept): Promise<void> {
  try {
    const dir = realFolder(outDir, PRIVATE_DIR, 'cache'); // never through a symbolic link
    await writeAtomic(join(dir, KEPT_FILE), JSON.stringify(kept));
  } catch {
    // the archive itself is written: nothing to report
  }
}
