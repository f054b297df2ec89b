// The article file formats: one table that discovery, preview's watcher and article loading read. A new
// format is one parser file and one line here. Parsers load on first use: finding editions needs only the
// extensions, and a build with nothing to rebuild never loads the Markdown, YAML and HTML libraries.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Article } from '../edition/types.js';

/** Decoded text (UTF-8, LF line endings) of `file` to an Article, or the reasons it is not one. */
export type ArticleParser = (
  text: string,
  file: string,
  slug: string,
) => { article?: Article; diagnostics: Diagnostic[] };

export interface ContentFormat {
  /** The file name ending, with its dot. */
  extension: string;
  /** What a writer puts in such a file, for the docs. */
  description: string;
  loadParser: () => Promise<ArticleParser>;
}

export const CONTENT_FORMATS: readonly ContentFormat[] = [
  {
    extension: '.md',
    description: 'YAML front matter, then CommonMark with tables',
    loadParser: async () => (await import('./markdown-article.js')).parseMarkdownArticle,
  },
  {
    extension: '.txt',
    description: 'plain text: title, dek, paragraphs, "Author:" line; optional front matter',
    loadParser: async () => (await import('./text-article.js')).parseTextArticle,
  },
];

export const ARTICLE_EXTENSIONS: readonly string[] = CONTENT_FORMATS.map((format) => format.extension);

/** The format of an article file, by its name; undefined for any other file. */
export const formatOf = (fileName: string): ContentFormat | undefined =>
  CONTENT_FORMATS.find((format) => fileName.endsWith(format.extension));
