// Finds the editions in the content folder and reads their files. The only content I/O.
//
//   content/<slug>.md | <slug>.txt      an edition of one article
//   content/<slug>/edition.md           optional: subject, preheader, date, template, editor's note
//   content/<slug>/01-*.md | *.txt      articles, in file-name order
//
// Names starting with "." or "_" are ignored, so drafts and notes can live beside editions.
//
// Symbolic links are never followed (a link out of the tree, or a loop): they are skipped with a warning.
// Two entries that would make the same edition (a.md, a.txt, a folder a/) and slugs that name what build
// writes at the top of out/ (index.html, feed.xml) are refused, naming the files: never one silently lost.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ARTICLE_EXTENSIONS } from './formats.js';

export interface SourceFile {
  /** Project-relative path with forward slashes, as diagnostics show it. */
  file: string;
  bytes: Uint8Array;
}

export interface EditionSource {
  slug: string;
  /** edition.md, when the edition is a folder that has one. */
  editionFile?: SourceFile;
  articles: SourceFile[];
  /** Files that could not be read (READ_FAILED) and symbolic links skipped (SYMLINK_SKIPPED). */
  diagnostics?: Diagnostic[];
}

export interface EditionEntry {
  slug: string;
  path: string;
  folder: boolean;
  /** Why the edition cannot be built (a slug made twice, a reserved slug): it fails with these. */
  problems?: Diagnostic[];
}

/** A content file larger than this is refused: no email is made of so much, and reading it could exhaust memory. */
export const MAX_CONTENT_BYTES = 16 * 1024 * 1024;

/** Names build writes at the top of out/ (the web archive): an edition there would take their place. */
const RESERVED_SLUGS = new Set(['index.html', 'feed.xml']);

const isArticle = (name: string) => ARTICLE_EXTENSIONS.some((ext) => name.endsWith(ext));
const isHidden = (name: string) => name.startsWith('.') || name.startsWith('_');

export const displayPath = (root: string, path: string): string => relative(root, path).split(sep).join('/');

/** Lists edition slugs without reading article files (cheap: for `--help`-like paths and slug validation). */
export async function listEditions(contentDir: string, root = dirname(contentDir)): Promise<EditionEntry[]> {
  return (await listContent(contentDir, root)).editions;
}

/** The editions, and warnings about what was skipped (symbolic links). */
export async function listContent(
  contentDir: string,
  root = dirname(contentDir),
): Promise<{ editions: EditionEntry[]; diagnostics: Diagnostic[] }> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  const diagnostics: Diagnostic[] = [];
  const found: EditionEntry[] = [];
  for (const e of entries) {
    if (isHidden(e.name)) continue;
    const path = join(contentDir, e.name);
    if (e.isSymbolicLink()) {
      if (isArticle(e.name) || pointsToFolder(path)) diagnostics.push(skippedLink(root, path));
    } else if (e.isDirectory() || (e.isFile() && isArticle(e.name))) {
      found.push({
        slug: e.isDirectory() ? e.name : e.name.replace(/\.[^.]+$/, ''),
        path,
        folder: e.isDirectory(),
      });
    }
  }
  return {
    editions: refuseConflicts(found, root).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
    diagnostics,
  };
}

/**
 * One entry per slug. Entries whose slugs are equal, or equal but for case (one folder in out/ on macOS and
 * Windows), all fail with DUPLICATE_SLUG naming every file; a reserved slug fails with SLUG_RESERVED.
 */
function refuseConflicts(entries: EditionEntry[], root: string): EditionEntry[] {
  const groups = new Map<string, EditionEntry[]>();
  for (const entry of entries) {
    const key = entry.slug.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const result: EditionEntry[] = [];
  for (const group of groups.values()) {
    const label = (e: EditionEntry) => displayPath(root, e.path) + (e.folder ? '/' : '');
    const files = group.map(label).sort();
    for (const slug of new Set(group.map((e) => e.slug))) {
      const first = group
        .filter((e) => e.slug === slug)
        .sort((a, b) => Number(a.folder) - Number(b.folder) || (a.path < b.path ? -1 : 1))[0]!;
      const problems: Diagnostic[] = [];
      if (group.length > 1) {
        problems.push(
          diag(
            'DUPLICATE_SLUG',
            'error',
            `${files.length} entries make the edition "${slug}"${group.some((e) => e.slug !== slug) ? ' (or one whose name differs only in case)' : ''}: ${files.join(', ')}; none of them is built`,
            { file: label(first) },
            'rename or remove all but one (names starting with "_" or "." are ignored)',
          ),
        );
      }
      if (RESERVED_SLUGS.has(slug.toLowerCase())) {
        problems.push(
          diag(
            'SLUG_RESERVED',
            'error',
            `the slug "${slug}" is reserved: build writes out/${slug.toLowerCase()} for the web archive`,
            { file: label(first) },
            'rename the file or folder',
          ),
        );
      }
      result.push(problems.length > 0 ? { ...first, problems } : first);
    }
  }
  return result;
}

function pointsToFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a broken link, or a loop
  }
}

const skippedLink = (root: string, path: string): Diagnostic =>
  diag(
    'SYMLINK_SKIPPED',
    'warning',
    `skipped ${displayPath(root, path)}: it is a symbolic link, and newsletter does not follow them`,
    { file: displayPath(root, path) },
    'move or copy the file itself into the content folder',
  );

/**
 * Synchronous reads on purpose: an edition's few small files take about 0.2 ms this way against 2 ms through
 * fs/promises' thread pool, and builds of many editions run in worker threads, where blocking holds up nothing.
 * A file that cannot be read is left out with a READ_FAILED error naming it (the edition then fails alone).
 */
export async function readEdition(
  root: string,
  entry: { slug: string; path: string; folder: boolean },
): Promise<EditionSource> {
  const diagnostics: Diagnostic[] = [];
  const read = (path: string): SourceFile | undefined => {
    const file = displayPath(root, path);
    try {
      return { file, bytes: readContentFile(path) };
    } catch (error) {
      diagnostics.push(readFailed(root, file, error));
      return undefined;
    }
  };
  const withProblems = (source: EditionSource): EditionSource =>
    diagnostics.length > 0 ? { ...source, diagnostics } : source;
  if (!entry.folder) {
    const article = read(entry.path);
    return withProblems({ slug: entry.slug, articles: article ? [article] : [] });
  }

  let listed: Dirent[];
  try {
    listed = readdirSync(entry.path, { withFileTypes: true });
  } catch (error) {
    diagnostics.push(readFailed(root, `${displayPath(root, entry.path)}/`, error));
    return withProblems({ slug: entry.slug, articles: [] });
  }
  const candidates = listed.filter((e) => !isHidden(e.name) && isArticle(e.name));
  for (const link of candidates.filter((e) => e.isSymbolicLink()))
    diagnostics.push(skippedLink(root, join(entry.path, link.name)));
  const names = candidates
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  const articleNames = names.filter((n) => n !== 'edition.md');
  return withProblems({
    slug: entry.slug,
    editionFile: names.includes('edition.md') ? read(join(entry.path, 'edition.md')) : undefined,
    articles: articleNames.map((n) => read(join(entry.path, n))).filter((f) => f !== undefined),
  });
}

/** A content file's bytes, refusing one over MAX_CONTENT_BYTES before reading it. */
function readContentFile(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_CONTENT_BYTES)
      throw new Error(
        `the file is ${size.toLocaleString('en')} bytes; a content file may have at most ${MAX_CONTENT_BYTES / 1024 / 1024} MiB`,
      );
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The system's message names the file by its absolute path: shown from the project folder, as `file` is. */
const readFailed = (root: string, file: string, error: unknown): Diagnostic =>
  diag(
    'READ_FAILED',
    'error',
    `cannot read ${file}: ${(error as Error).message.split(`${root}${sep}`).join('')}`,
    { file },
  );
