// Finds the editions in the content folder and reads their files. The only content I/O.
//
//   content/<slug>.md | <slug>.txt      an edition of one article
//   content/<slug>/edition.md           optional: subject, preheader, date, template, editor's note
//   content/<slug>/01-*.md | *.txt      articles, in file-name order
//
// Names starting with "." or "_" are ignored, so drafts and notes can live beside editions.
import { readdirSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
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
}

const isArticle = (name: string) => ARTICLE_EXTENSIONS.some((ext) => name.endsWith(ext));
const isHidden = (name: string) => name.startsWith('.') || name.startsWith('_');

export const displayPath = (root: string, path: string): string => relative(root, path).split(sep).join('/');

/** Lists edition slugs without reading article files (cheap: for `--help`-like paths and slug validation). */
export async function listEditions(
  contentDir: string,
): Promise<{ slug: string; path: string; folder: boolean }[]> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  return entries
    .filter((e) => !isHidden(e.name) && (e.isDirectory() || (e.isFile() && isArticle(e.name))))
    .map((e) => ({
      slug: e.isDirectory() ? e.name : e.name.replace(/\.[^.]+$/, ''),
      path: join(contentDir, e.name),
      folder: e.isDirectory(),
    }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/**
 * Synchronous reads on purpose: an edition's few small files take about 0.2 ms this way against 2 ms through
 * fs/promises' thread pool, and builds of many editions run in worker threads, where blocking holds up nothing.
 */
export async function readEdition(
  root: string,
  entry: { slug: string; path: string; folder: boolean },
): Promise<EditionSource> {
  const read = (path: string): SourceFile => ({ file: displayPath(root, path), bytes: readFileSync(path) });
  if (!entry.folder) return { slug: entry.slug, articles: [read(entry.path)] };

  const names = readdirSync(entry.path, { withFileTypes: true })
    .filter((e) => e.isFile() && !isHidden(e.name) && isArticle(e.name))
    .map((e) => e.name)
    .sort();
  const articleNames = names.filter((n) => n !== 'edition.md');
  return {
    slug: entry.slug,
    editionFile: names.includes('edition.md') ? read(join(entry.path, 'edition.md')) : undefined,
    articles: articleNames.map((n) => read(join(entry.path, n))),
  };
}
