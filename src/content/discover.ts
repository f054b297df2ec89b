// Finds the editions in the content folder and reads their files. The only content I/O.
//
//   content/<slug>.md | <slug>.txt      an edition of one article
//   content/<slug>/edition.md           optional: subject, preheader, date, template, editor's note
//   content/<slug>/01-*.md | *.txt      articles, in file-name order
//
// Names starting with "." or "_" are ignored, so drafts and notes can live beside editions.
import { readdir, readFile } from 'node:fs/promises';
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
export async function listEditions(contentDir: string): Promise<{ slug: string; path: string; folder: boolean }[]> {
  const entries = await readdir(contentDir, { withFileTypes: true });
  return entries
    .filter((e) => !isHidden(e.name) && (e.isDirectory() || (e.isFile() && isArticle(e.name))))
    .map((e) => ({ slug: e.isDirectory() ? e.name : e.name.replace(/\.[^.]+$/, ''), path: join(contentDir, e.name), folder: e.isDirectory() }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export async function readEdition(root: string, entry: { slug: string; path: string; folder: boolean }): Promise<EditionSource> {
  const read = async (path: string): Promise<SourceFile> => ({ file: displayPath(root, path), bytes: await readFile(path) });
  if (!entry.folder) return { slug: entry.slug, articles: [await read(entry.path)] };

  const names = (await readdir(entry.path, { withFileTypes: true }))
    .filter((e) => e.isFile() && !isHidden(e.name) && isArticle(e.name))
    .map((e) => e.name)
    .sort();
  const articleNames = names.filter((n) => n !== 'edition.md');
  return {
    slug: entry.slug,
    editionFile: names.includes('edition.md') ? await read(join(entry.path, 'edition.md')) : undefined,
    articles: await Promise.all(articleNames.map((n) => read(join(entry.path, n)))),
  };
}
