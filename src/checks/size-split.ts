// Where a page's bytes go: each article as it stands in the page (its markup with the styles the layout
// inlined into it), and the rest, the template and its styles. An article is found by its first and last
// runs of text, which the layout and inlining leave as they are; one that cannot be found counts at the size
// of its own HTML. So the SIZE_* hint blames the template when the template is what weighs.
import type { Article } from '../edition/types.js';

export interface WeightSplit {
  articles: { file: string; bytes: number }[];
  articleBytes: number;
  templateBytes: number;
}

const TEXT = />([^<]*\S[^<]*)</g;

export function weightSplit(html: string, articles: Pick<Article, 'file' | 'html'>[]): WeightSplit {
  const anchors = articles.map((article) => {
    const texts = [...article.html.matchAll(TEXT)].map((m) => m[1]!.trim()).filter((t) => t.length >= 8);
    return { first: texts[0], last: texts.at(-1) };
  });
  // where each article starts, in order; then where it ends: its last text before the next one starts
  // (articles may share sentences, so the end is looked for backwards from there)
  let from = 0;
  const starts = anchors.map(({ first }) => {
    const start = first === undefined ? -1 : html.indexOf(first, from);
    if (start >= 0) from = start + first!.length;
    return start;
  });
  const measured = articles.map((article, i) => {
    const { last } = anchors[i]!;
    const start = starts[i]!;
    const next = starts.slice(i + 1).find((s) => s >= 0) ?? html.length;
    const end = start < 0 || last === undefined ? -1 : html.lastIndexOf(last, next - last.length);
    if (start < 0 || end < start) return { file: article.file, bytes: Buffer.byteLength(article.html) };
    return { file: article.file, bytes: Buffer.byteLength(html.slice(start, end + last!.length)) };
  });
  const articleBytes = measured.reduce((sum, a) => sum + a.bytes, 0);
  return {
    articles: measured,
    articleBytes,
    templateBytes: Math.max(0, Buffer.byteLength(html) - articleBytes),
  };
}

const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;

/** "articles 31 KB, of which 02-power.md 12 KB, …; template and styles 58 KB" (the three heaviest named). */
export function describeSplit(split: WeightSplit): string {
  const heaviest = [...split.articles].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  const named = heaviest.map((a) => `${a.file} ${kb(a.bytes)}`).join(', ');
  return `articles ${kb(split.articleBytes)}${named ? `, of which ${named}` : ''}; template and styles ${kb(split.templateBytes)}`;
}
