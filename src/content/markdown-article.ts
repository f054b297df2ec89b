// A Markdown article: YAML front matter (title required) and a CommonMark body.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Article } from '../edition/types.js';
import { readArticleFront } from './fields.js';
import { renderMarkdown } from './markdown.js';

export function parseMarkdownArticle(
  text: string,
  file: string,
  slug: string,
): { article?: Article; diagnostics: Diagnostic[] } {
  const { front, fields, diagnostics } = readArticleFront(text, file);
  if (!fields) return { diagnostics };

  if (!fields.title) {
    diagnostics.push(
      diag(
        'TITLE_MISSING',
        'error',
        'the article has no title',
        { file, line: 1 },
        'add "title: ..." to the front matter',
      ),
    );
  }
  // a link (an article with a url, as in a roundup) may have no body: its title, dek and link say it all
  if (front.body.trim() === '' && !fields.url) {
    diagnostics.push(
      diag('ARTICLE_EMPTY', 'error', 'the article has no body text', { file, line: front.bodyLine }),
    );
  }
  const body = renderMarkdown(front.body, file, front.bodyLine);
  diagnostics.push(...body.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  const { title, ...rest } = fields;
  return {
    article: { slug, file, title: title!, ...rest, html: body.html, wordCount: body.wordCount },
    diagnostics,
  };
}
