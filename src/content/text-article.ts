// A plain-text article in the shape writers paste from elsewhere:
//
//   Title on the first line
//
//   A short dek, without final punctuation
//
//   Body paragraphs, separated by blank lines...
//
//   Author: Name
//
//   A bio of the author.
//
// The body is literal text, not Markdown: nothing is autolinked or interpreted. Optional YAML front matter
// on top overrides what is inferred. Fields the text lacks are left out, never invented.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Article } from '../edition/types.js';
import { readArticleFront } from './fields.js';
import { ReadingWords } from './words.js';

interface Paragraph {
  text: string;
  /** 1-based line in the file. */
  line: number;
}

const DEK_MAX_LENGTH = 200;
const AUTHOR_LINE = /^Author:\s*(.+)$/i;

export function parseTextArticle(
  text: string,
  file: string,
  slug: string,
): { article?: Article; diagnostics: Diagnostic[] } {
  const { front, fields, diagnostics } = readArticleFront(text, file);
  if (!fields) return { diagnostics };

  const paragraphs = splitParagraphs(front.body, front.bodyLine);
  const inferred = inferStructure(paragraphs, fields.title !== undefined);
  const title = fields.title ?? inferred.title?.text;
  if (!title) {
    diagnostics.push(diag('ARTICLE_EMPTY', 'error', 'the article is empty', { file, line: 1 }));
    return { diagnostics };
  }
  if (inferred.body.length === 0) {
    diagnostics.push(
      diag('ARTICLE_EMPTY', 'error', 'the article has a title but no body paragraphs', {
        file,
        line: inferred.title?.line ?? 1,
      }),
    );
    return { diagnostics };
  }
  const html = inferred.body.map((p) => `<p>${escapeHtml(p.text)}</p>`).join('\n');
  // countReadingWords(html), from the paragraphs: each is its own words (tags stand between them)
  const words = new ReadingWords(true);
  for (const paragraph of inferred.body) {
    words.text(paragraph.text);
    words.tag();
  }
  const { title: _ignored, ...rest } = fields;
  const article: Article = {
    ...rest,
    slug,
    file,
    title,
    html,
    wordCount: words.count,
  };
  article.dek ??= inferred.dek?.text;
  article.author ??= inferred.author;
  article.authorBio ??= inferred.bio;
  return { article: dropUndefined(article), diagnostics };
}

function inferStructure(paragraphs: Paragraph[], titleFromFrontMatter: boolean) {
  const queue = [...paragraphs];
  // The title is the first line; anything after it in the same paragraph starts the body.
  let title: Paragraph | undefined;
  if (!titleFromFrontMatter && queue.length > 0) {
    const first = queue.shift()!;
    const [titleLine, ...more] = first.text.split('\n');
    title = { text: titleLine.trim(), line: first.line };
    if (more.length > 0) queue.unshift({ text: more.join('\n'), line: first.line + 1 });
  }
  const dek = queue.length > 1 && looksLikeDek(queue[0].text) ? queue.shift() : undefined;

  const authorIndex = queue.findIndex((p) => AUTHOR_LINE.test(p.text.split('\n')[0]));
  let author: string | undefined;
  let bio: string | undefined;
  let body = queue;
  if (authorIndex >= 0) {
    const [authorLine, ...bioLines] = queue[authorIndex].text.split('\n');
    author = AUTHOR_LINE.exec(authorLine)![1].trim();
    const bioParagraphs = [bioLines.join('\n'), ...queue.slice(authorIndex + 1).map((p) => p.text)].filter(
      (t) => t.trim(),
    );
    bio = bioParagraphs.map(reflow).join('\n\n') || undefined;
    body = queue.slice(0, authorIndex);
  }
  return {
    title,
    dek: dek && { ...dek, text: reflow(dek.text) },
    author,
    bio,
    body: body.map((p) => ({ ...p, text: reflow(p.text) })),
  };
}

/** A dek is short and ends without a full stop (a sentence would be the first body paragraph). */
const looksLikeDek = (text: string) =>
  text.length <= DEK_MAX_LENGTH && !/[.!?…:;]["'”’)\]]*$/.test(text.trim());

function splitParagraphs(body: string, firstLine: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: string[] = [];
  let start = firstLine;
  body.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push({ text: current.join('\n'), line: start });
      current = [];
    } else {
      if (current.length === 0) start = firstLine + index;
      current.push(line);
    }
  });
  if (current.length > 0) paragraphs.push({ text: current.join('\n'), line: start });
  return paragraphs;
}

/** Hard-wrapped lines of one paragraph become one line of text. */
const reflow = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .join(' ')
    .trim();

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
