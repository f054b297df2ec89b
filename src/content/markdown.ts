// Markdown (CommonMark + tables) to sanitised HTML, with warnings that point at the line they concern.
// markdown-it 14.1, not 15: 15's published build makes every token and parser state through class-field
// helpers (an Object.defineProperty per field), and renders the benchmark's articles a third slower than
// 14.1, to the same bytes (56 against 36 microseconds an article). The two differ only at the edges of
// CommonMark, listed in the README (entities, emphasis beside emoji).
import { Parser } from 'htmlparser2';
import MarkdownIt, { type StateCore, type Token } from 'markdown-it';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hasScheme, isSafeUrl } from './urls.js';
import { sanitisedMarkdownHtml } from './safe-markdown.js';
import { MAX_NESTING, sanitizeArticleHtml, unsafeHtmlIn } from './sanitize.js';
import { countReadingWords } from './words.js';
import { renderPath } from '../render/render-path.js';

interface RenderEnv {
  /** Line (0-based, within the Markdown) of the block each inline token list belongs to. */
  blockLine: Map<Token[], number>;
  currentLine: number;
  dropped: { url: string; line: number }[];
}

const md = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false }).enable('table');

// Remember the source line of each block, so URL warnings raised during inline parsing can name it.
md.core.ruler.before('inline', 'newsletter_block_lines', (state: StateCore) => {
  const env = state.env as unknown as RenderEnv;
  for (const token of state.tokens) {
    if (token.type === 'inline' && token.map && token.children)
      env.blockLine.set(token.children, token.map[0]);
  }
});
const parseInline = md.inline.parse.bind(md.inline);
md.inline.parse = (source, instance, env, out) => {
  const state = env as unknown as RenderEnv;
  state.currentLine = state.blockLine.get(out) ?? state.currentLine;
  parseInline(source, instance, env, out);
};

// Article headings start at h3 whatever level the writer began with (h1 is the newsletter's, h2 the title's),
// and never skip a level downwards from there.
md.core.ruler.push('newsletter_heading_levels', (state: StateCore) => {
  const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
  const levels = headings.filter((t) => t.type === 'heading_open').map((t) => Number(t.tag.slice(1)));
  if (levels.length === 0) return;
  const top = Math.min(...levels);
  for (const token of headings) token.tag = `h${Math.min(6, Number(token.tag.slice(1)) - top + 3)}`;
});

export interface RenderedMarkdown {
  html: string;
  /** Words in it for reading time (countReadingWords of the HTML). */
  wordCount: number;
  diagnostics: Diagnostic[];
}

/**
 * How the HTML is made, as the rest of the render is (`NEWSLETTER_RENDER`). `reference`: markdown-it renders the whole document, and sanitize-html reads all of it
 * back (the plain path, what the other one must equal byte for byte). `tokens`: the sanitised HTML is written
 * from the tokens, and only raw HTML goes through sanitize-html (safe-markdown.ts).
 */
export type MarkdownPath = 'tokens' | 'reference';

/** NEWSLETTER_RENDER=reference (render/render-path.ts, which reads and checks the switch) takes the reference
 * path here too. */
const markdownPath = (): MarkdownPath => (renderPath() === 'reference' ? 'reference' : 'tokens');

/** `firstLine` is the file line on which the Markdown starts (after front matter). */
export function renderMarkdown(
  source: string,
  file: string,
  firstLine: number,
  path: MarkdownPath = markdownPath(),
): RenderedMarkdown {
  const diagnostics: Diagnostic[] = [];
  const lines = source.split('\n');
  const env: RenderEnv = { blockLine: new Map(), currentLine: 0, dropped: [] };

  // markdown-it calls validateLink for every link and image destination. Unsafe ones are recorded here
  // and still accepted, so the link text survives; the sanitiser then drops the URL itself.
  const validateLink = (url: string) => {
    const ok = !hasScheme(url) || isSafeUrl(url);
    // markdown-it may ask twice about one destination (images); report it once
    if (!ok && !env.dropped.some((d) => d.url === url && d.line === env.currentLine))
      env.dropped.push({ url, line: env.currentLine });
    return true;
  };
  md.validateLink = validateLink;

  const tokens = md.parse(source, env as unknown as Record<string, unknown>);
  for (const { url, line } of env.dropped) {
    const at = lineOfText(lines, url.slice(0, 12), line);
    diagnostics.push(
      diag(
        'UNSAFE_URL',
        'warning',
        `dropped a link to "${truncate(url)}": only http, https and mailto URLs are allowed`,
        { file, line: firstLine + at },
      ),
    );
  }
  for (const token of walk(tokens)) {
    if (token.type !== 'html_block' && token.type !== 'html_inline') continue;
    const unsafe = unsafeHtmlIn(token.content);
    const hrefs = [...token.content.matchAll(/\b(?:href|src)\s*=\s*["']?\s*([^"'\s>]+)/gi)].map((m) => m[1]);
    const line = firstLine + (token.map?.[0] ?? env.blockLine.get(parentChildren(tokens, token) ?? []) ?? 0);
    if (unsafe.length > 0) {
      diagnostics.push(
        diag('HTML_REMOVED', 'warning', `removed ${unsafe.join(', ')} from the article`, { file, line }),
      );
    }
    for (const url of hrefs.filter((u) => hasScheme(decodeEntities(u)) && !isSafeUrl(decodeEntities(u)))) {
      diagnostics.push(
        diag(
          'UNSAFE_URL',
          'warning',
          `dropped a link to "${truncate(url)}": only http, https and mailto URLs are allowed`,
          { file, line },
        ),
      );
    }
  }
  const fast =
    path === 'tokens'
      ? sanitisedMarkdownHtml(md, tokens, env as unknown as Record<string, unknown>)
      : undefined;
  if (fast !== undefined) return { html: fast.html, wordCount: fast.words, diagnostics };
  const rendered = md.renderer.render(tokens, md.options, env as unknown as Record<string, unknown>);
  const { html, unwrapped } = sanitizeArticleHtml(rendered);
  if (unwrapped) {
    const line = firstLine + deepLine(tokens, rendered, env);
    diagnostics.push(
      diag(
        'NESTING_TOO_DEEP',
        'warning',
        `markup here nests more than ${MAX_NESTING} levels deep: the deeper elements were unwrapped, their text kept`,
        { file, line },
        'nest less: no email client shows that many levels',
      ),
    );
  }
  return { html, wordCount: countReadingWords(html), diagnostics };
}

/** The Markdown line (0-based) of the block whose rendered HTML first opens an element MAX_NESTING deep. */
function deepLine(tokens: Token[], rendered: string, env: RenderEnv): number {
  let depth = 0;
  let offset = -1;
  const parser = new Parser({
    onopentag: () => {
      if (depth++ >= MAX_NESTING && offset < 0) offset = parser.startIndex;
    },
    onclosetag: () => {
      depth--;
    },
  });
  parser.end(rendered);
  if (offset < 0) return 0;
  // the first top-level token whose rendering reaches past that offset (a binary search over rendered prefixes)
  const renderedUpTo = (end: number) =>
    md.renderer.render(tokens.slice(0, end), md.options, env as unknown as Record<string, unknown>).length;
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (renderedUpTo(middle + 1) > offset) high = middle;
    else low = middle + 1;
  }
  for (let i = low; i >= 0; i--) if (tokens[i].map) return tokens[i].map![0];
  return 0;
}

function* walk(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.children) yield* walk(token.children);
  }
}

function parentChildren(tokens: Token[], child: Token): Token[] | undefined {
  return tokens.find((t) => t.children?.includes(child))?.children ?? undefined;
}

/** The line (0-based) at or after `from` that contains `needle`, else `from`. */
function lineOfText(lines: string[], needle: string, from: number): number {
  const lower = needle.toLowerCase();
  for (let i = from; i < lines.length; i++) if (lines[i].toLowerCase().includes(lower)) return i;
  return from;
}

const decodeEntities = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n');

const truncate = (url: string) => (url.length > 40 ? `${url.slice(0, 37)}...` : url);
