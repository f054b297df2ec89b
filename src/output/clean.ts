// `newsletter clean`: removes what build wrote for editions that no longer have a source in the project.
// Only folders of out/ that hold a manifest.json build wrote (its slug is the folder's name) are touched,
// and in them only the files that manifest lists, the manifest itself and the kept copy under
// out/.newsletter/editions/: a file someone else put there stays, and so does its folder.
import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { listEditions } from '../content/discover.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProjectOptions } from '../project.js';
import { projectPaths } from '../project.js';
import { keptEditionFile, type Manifest } from './edition-output.js';

export interface CleanedEdition {
  slug: string;
  /** Removed (or, in a dry run, to remove), relative to the out folder. */
  files: string[];
  /** Left in place because build did not write them; the folder stays with them. */
  kept: string[];
}

export interface CleanReport {
  dryRun: boolean;
  editions: CleanedEdition[];
  diagnostics: Diagnostic[];
  usageError: boolean;
  /** For the archive's refresh: the out folder, its label and the slugs that still have a source. */
  paths?: { out: string; outLabel: string; root: string; config: string; sources: Set<string> };
}

/** A file a manifest may name: a plain relative path, never out of its folder. */
const SAFE_NAME = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[^/\\\0]+(?:\/[^/\\\0]+)*$/;

export async function clean(options: ProjectOptions & { dryRun?: boolean }): Promise<CleanReport> {
  const dryRun = options.dryRun ?? false;
  const paths = projectPaths(options);
  let sources: Set<string>;
  try {
    sources = new Set((await listEditions(paths.content)).map((e) => e.slug));
  } catch (error) {
    // without the list of sources, every edition would look like an orphan: remove nothing
    return {
      dryRun,
      editions: [],
      usageError: true,
      diagnostics: [
        diag('FILE_READ', 'error', `cannot read content: ${(error as Error).message}`, {
          file: paths.contentLabel,
        }),
      ],
    };
  }
  let folders: string[];
  try {
    folders = (await readdir(paths.out, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !sources.has(e.name))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    folders = []; // nothing built yet
  }
  const editions: CleanedEdition[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const slug of folders) {
    const orphan = await orphanFiles(paths.out, slug);
    if (!orphan) continue; // not a folder build wrote
    try {
      if (!dryRun) await removeOrphan(paths.out, slug, orphan.files);
      editions.push({ slug, ...orphan });
    } catch (error) {
      diagnostics.push(
        diag('WRITE_FAILED', 'error', `cannot remove: ${(error as Error).message}`, {
          file: `${paths.outLabel}/${slug}`,
        }),
      );
    }
  }
  return {
    dryRun,
    editions,
    diagnostics,
    usageError: false,
    paths: { out: paths.out, outLabel: paths.outLabel, root: paths.root, config: paths.config, sources },
  };
}

/** What build wrote for `slug` (from its manifest), and what else is in the folder; undefined if build did not write it. */
async function orphanFiles(outDir: string, slug: string): Promise<Omit<CleanedEdition, 'slug'> | undefined> {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(await readFile(join(outDir, slug, 'manifest.json'), 'utf8')) as Partial<Manifest>;
  } catch {
    return undefined;
  }
  if (
    manifest.slug !== slug ||
    typeof manifest.subject !== 'string' ||
    typeof manifest.files !== 'object' ||
    manifest.files === null
  )
    return undefined;
  const listed = new Set(['manifest.json', ...Object.keys(manifest.files).filter((f) => SAFE_NAME.test(f))]);
  const present = (await readdir(join(outDir, slug), { recursive: true, withFileTypes: true }))
    .filter((e) => !e.isDirectory())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(join(outDir, slug).length + 1)
        .split('\\')
        .join('/'),
    );
  const kept = present.filter((f) => !listed.has(f)).sort();
  const files = present.filter((f) => listed.has(f)).map((f) => `${slug}/${f}`);
  return { files: files.sort(), kept: kept.map((f) => `${slug}/${f}`) };
}

async function removeOrphan(outDir: string, slug: string, files: string[]): Promise<void> {
  for (const file of files) await rm(join(outDir, file), { force: true });
  await rm(keptEditionFile(outDir, slug), { force: true });
  await removeEmptyFolders(join(outDir, slug));
}

/** Removes the folder and its subfolders as far as they are empty; a folder with something left stays. */
async function removeEmptyFolders(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true }))
    if (entry.isDirectory()) await removeEmptyFolders(join(dir, entry.name));
  await rmdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
}
