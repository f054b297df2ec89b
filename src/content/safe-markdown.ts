// Markdown's tokens to sanitised HTML without parsing any HTML: the bytes sanitize-html makes of markdown-it's
// rendering (sanitize.ts, the reference), written directly from the tokens. markdown-it's own elements are
// known in advance (tags, attributes, escaped text), so the allowlist can be applied to them as they are
// written: a tag or attribute the allowlist drops is not written, a URL it would drop is left out, text is
// escaped the way the sanitiser escapes it. Only what the tokens cannot vouch for goes through sanitize-html:
// a block holding raw HTML, a URL this file does not judge, an attribute the sanitiser rewrites (class,
// style). test/content/safe-markdown.test.ts compares both paths byte for byte on hostile Markdown.
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { ALLOWLIST, MAX_NESTING, sanitizeArticleHtml, sanitizeFragment } from './sanitize.js';
import { RESERVED_CHARACTERS } from './text.js';
import { countReadingWords, ReadingWords } from './words.js';

type Env = Record<string, unknown>;

// The allowlist's options this file writes the same way as the sanitiser; any other makes it step aside.
const MODELLED = new Set([
  'allowedTags',
  'allowedAttributes',
  'allowedSchemes',
  'allowedSchemesAppliedToAttributes',
  'allowProtocolRelative',
  'disallowedTagsMode',
  'nonTextTags',
  'exclusiveFilter',
  'transformTags',
  'allowedStyles', // only style attributes read it: those go to the sanitiser
  'allowedClasses', // likewise for class
]);

/**
 * sanitize-html's defaults for what the allowlist leaves to them, as far as the tags and attributes it allows
 * (the only ones written here) go: copied, so that an article written from its tokens never loads
 * sanitize-html. test/content/safe-markdown.test.ts holds them to the installed sanitize-html's own.
 */
export const SANITIZER_DEFAULTS = {
  selfClosing: ['img', 'br', 'hr'],
  nonBooleanAttributes: [
    'href',
    'title',
    'src',
    'alt',
    'width',
    'height',
    'style',
    'colspan',
    'rowspan',
    'start',
  ],
  allowedEmptyAttributes: ['alt'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: true,
};
const DEFAULTS = SANITIZER_DEFAULTS;
const ALLOWED_TAGS = new Set(ALLOWLIST.allowedTags || []);
const SELF_CLOSING = new Set(ALLOWLIST.selfClosing ?? DEFAULTS.selfClosing);
const NON_BOOLEAN = new Set(ALLOWLIST.nonBooleanAttributes ?? DEFAULTS.nonBooleanAttributes);
const ALLOWED_EMPTY = new Set(
  (ALLOWLIST as { allowedEmptyAttributes?: string[] }).allowedEmptyAttributes ??
    DEFAULTS.allowedEmptyAttributes,
);
const URL_ATTRIBUTES = new Set(
  ALLOWLIST.allowedSchemesAppliedToAttributes ?? DEFAULTS.allowedSchemesAppliedToAttributes,
);
const SCHEMES = new Set(Array.isArray(ALLOWLIST.allowedSchemes) ? ALLOWLIST.allowedSchemes : []);
const PROTOCOL_RELATIVE = ALLOWLIST.allowProtocolRelative ?? DEFAULTS.allowProtocolRelative;
/**
 * One declaration of a keyword, as an aligned table cell has it: sanitize-html parses a style and writes it
 * back as `property:value`, which for this is what it read (when no allowedStyles filters it).
 */
const PLAIN_STYLE = ALLOWLIST.allowedStyles ? /(?!)/ : /^[a-z-]+:[a-z]+$/;
/** Attributes sanitize-html rewrites rather than keeps or drops. */
const REWRITTEN = new Set(['style', 'class', 'srcset', 'imagesrcset']);

/** Tags this file writes as they are, without asking the allowlist each time. */
const WRITTEN_AS_IS = ['pre', 'code', 'br'];

/** False when the allowlist uses something this file does not model: everything then goes to the sanitiser. */
export const ALLOWLIST_MODELLED =
  Object.keys(ALLOWLIST).every((key) => MODELLED.has(key)) &&
  WRITTEN_AS_IS.every((tag) => ALLOWED_TAGS.has(tag) && !ALLOWLIST.transformTags?.[tag]) &&
  ALLOWLIST.disallowedTagsMode === 'discard' &&
  Array.isArray(ALLOWLIST.allowedSchemes) &&
  typeof ALLOWLIST.allowedAttributes === 'object' &&
  !('*' in ALLOWLIST.allowedAttributes) &&
  Object.values(ALLOWLIST.allowedAttributes).every((names) =>
    names.every((name) => typeof name === 'string' && !name.includes('*')),
  );

type Fate = 'keep' | 'drop' | 'url' | 'sanitise';

function attributeFate(tag: string, name: string): Fate {
  const allowed = (ALLOWLIST.allowedAttributes || {})[tag] as string[] | undefined;
  if (!allowed?.includes(name)) {
    // allowedClasses allows class by itself
    return name === 'class' && ALLOWLIST.allowedClasses?.[tag] ? 'sanitise' : 'drop';
  }
  if (REWRITTEN.has(name)) return 'sanitise';
  return URL_ATTRIBUTES.has(name) ? 'url' : 'keep';
}

/**
 * What the sanitiser does with a URL (sanitize-html's naughtyHref, from the launder package), for the URLs
 * it reads as written: with no character up to a space and no HTML comment, both of which it strips first.
 */
function urlFate(url: string): Fate {
  if (/[\x00-\x20]/.test(url) || url.includes('<!--')) return 'sanitise';
  const scheme = /^([a-zA-Z][a-zA-Z0-9.\-+]*):/.exec(url);
  if (scheme) return SCHEMES.has(scheme[1].toLowerCase()) ? 'keep' : 'drop';
  if (/^[/\\]{2}/.test(url)) return PROTOCOL_RELATIVE ? 'keep' : 'drop';
  return 'keep';
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Text as the sanitiser writes it (quotes stay quotes, unlike markdown-it's escaping). */
const escapeText = (text: string) => text.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]);
const escapeAttribute = (value: string) => value.replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c]);

/** Thrown inside a block the tokens cannot vouch for; caught per block, which then goes to the sanitiser. */
const NEEDS_SANITISER = Symbol('needs the sanitiser');
/** Thrown when the document nests deep enough for the sanitiser to unwrap elements: all of it goes there. */
const TOO_DEEP = Symbol('too deep');
const DEPTH_LIMIT = MAX_NESTING / 2;

class BlockWriter {
  private depth = 0;
  /** The block's reading words, counted as its text is written. */
  words = new ReadingWords(false);

  constructor(
    private readonly md: MarkdownIt,
    private readonly env: Env,
  ) {}

  /** tokens[start..end) (one top-level block) as sanitised HTML. */
  block(tokens: Token[], start: number, end: number): string {
    this.depth = 0;
    this.words = new ReadingWords(false);
    let html = '';
    for (let i = start; i < end; i++) {
      const token = tokens[i];
      switch (token.type) {
        case 'inline':
          html += this.inline(token.children ?? []);
          break;
        case 'code_block': {
          const pre = this.open('pre', token.attrs, false);
          this.enter(1);
          this.depth -= 2;
          html += `${pre}<code>${this.text(token.content)}</code></pre>\n`;
          this.words.tag();
          break;
        }
        case 'fence':
          html += this.fence(token);
          break;
        case 'html_block':
          throw NEEDS_SANITISER;
        default:
          html += this.tag(tokens, i);
      }
    }
    this.words.tag();
    return html;
  }

  private inline(tokens: Token[]): string {
    let html = '';
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      switch (token.type) {
        case 'text':
          html += this.text(token.content);
          break;
        case 'softbreak':
          html += this.md.options.breaks ? '<br />\n' : '\n';
          this.words.tag();
          break;
        case 'hardbreak':
          html += '<br />\n';
          this.words.tag();
          break;
        case 'code_inline':
          html += `${this.open('code', token.attrs, false)}${this.text(token.content)}</code>`;
          this.words.tag();
          this.depth--;
          break;
        case 'image':
          html += this.image(token);
          break;
        case 'html_inline':
          throw NEEDS_SANITISER;
        default:
          html += this.tag(tokens, i);
      }
    }
    return html;
  }

  private fence(token: Token): string {
    if (this.md.options.highlight) throw NEEDS_SANITISER;
    this.words.tag();
    const attrs = token.attrs ? [...token.attrs] : [];
    // markdown-it names the language in a class (the sanitiser keeps it or not, as the allowlist says)
    if (token.info && this.md.utils.unescapeAll(token.info).trim() !== '') attrs.push(['class', 'language']);
    this.enter(2);
    this.depth -= 2;
    const html = `<pre><code${this.attributes('code', attrs)}>${this.text(token.content)}</code></pre>\n`;
    this.words.tag();
    return html;
  }

  private image(token: Token): string {
    const attrs = (token.attrs ?? []).map(([name, value]): [string, string] =>
      name === 'alt'
        ? [name, this.md.renderer.renderInlineAsText(token.children ?? [], this.md.options, this.env)]
        : [name, value],
    );
    const written = this.open('img', attrs, true);
    return written === undefined ? '' : written;
  }

  /** markdown-it's renderToken for an element token, as the sanitiser writes it. */
  private tag(tokens: Token[], index: number): string {
    const token = tokens[index];
    if (token.hidden) return '';
    let html = token.block && token.nesting !== -1 && index > 0 && tokens[index - 1].hidden ? '\n' : '';
    if (!ALLOWED_TAGS.has(token.tag)) throw NEEDS_SANITISER;
    this.words.tag();
    if (token.nesting === -1) {
      this.depth--;
      html += `</${token.tag}>`;
    } else if (token.nesting === 0) {
      if (!SELF_CLOSING.has(token.tag)) throw NEEDS_SANITISER;
      html += this.open(token.tag, token.attrs, true) ?? '';
    } else {
      html += this.open(token.tag, token.attrs, false);
    }
    let newline = token.block;
    if (token.block && token.nesting === 1 && index + 1 < tokens.length) {
      const next = tokens[index + 1];
      if (next.type === 'inline' || next.hidden) newline = false;
      else if (next.nesting === -1 && next.tag === token.tag) newline = false;
    }
    return newline ? `${html}\n` : html;
  }

  private text(text: string): string {
    this.words.text(text);
    return escapeText(text);
  }

  /** An opening tag (a void one when `empty`), after the allowlist's transform; undefined when dropped whole. */
  private open(tag: string, attrs: [string, string][] | null, empty: true): string | undefined;
  private open(tag: string, attrs: [string, string][] | null, empty: false): string;
  private open(tag: string, attrs: [string, string][] | null, empty: boolean): string | undefined {
    if (!ALLOWED_TAGS.has(tag)) throw NEEDS_SANITISER;
    this.enter(1);
    if (empty) this.depth--;
    let list = attrs ?? [];
    const transform = ALLOWLIST.transformTags?.[tag];
    if (transform !== undefined) {
      if (typeof transform !== 'function') throw NEEDS_SANITISER;
      const attribs: Record<string, string> = {};
      for (const [name, value] of list) if (!(name in attribs)) attribs[name] = String(value);
      const transformed = transform(tag, attribs);
      if (transformed.tagName !== tag || transformed.text !== undefined) throw NEEDS_SANITISER;
      list = Object.entries(transformed.attribs);
    }
    const kept: Record<string, string> = {};
    const html = `<${tag}${this.attributes(tag, list, kept)}${empty ? ' />' : '>'}`;
    // an element the filter removes is not written at all: the words around it may join
    if (
      empty &&
      ALLOWLIST.exclusiveFilter?.({ tag, attribs: kept, text: '', tagPosition: 0, mediaChildren: [] })
    )
      return undefined;
    this.words.tag();
    return html;
  }

  private attributes(tag: string, attrs: [string, string][], kept: Record<string, string> = {}): string {
    let html = '';
    for (const [name, raw] of attrs) {
      const value = String(raw);
      if (value === '' && !ALLOWED_EMPTY.has(name) && NON_BOOLEAN.has(name)) continue;
      let fate = attributeFate(tag, name);
      if (fate === 'url') fate = urlFate(value);
      else if (fate === 'sanitise' && name === 'style' && PLAIN_STYLE.test(value)) fate = 'keep';
      if (fate === 'sanitise') throw NEEDS_SANITISER;
      if (fate === 'drop') continue;
      kept[name] = value;
      html += ` ${name}`;
      if (value !== '') html += `="${escapeAttribute(value)}"`;
      else if (ALLOWED_EMPTY.has(name)) html += '=""';
    }
    return html;
  }

  private enter(levels: number): void {
    this.depth += levels;
    if (this.depth > DEPTH_LIMIT) throw TOO_DEEP;
  }
}

/** Top-level blocks written from their tokens and blocks that went through the sanitiser, and documents the
 *  reference path took whole (for the benchmark's stages and the tests). */
export const markdownCounts = { written: 0, sanitised: 0, whole: 0 };

/**
 * The sanitised HTML of a Markdown document, the same bytes as sanitizeArticleHtml(md.renderer.render(tokens)),
 * or undefined when only that reference can say (the markup nests deeper than the sanitiser allows, and its
 * warning needs the line). Top-level blocks are written from their tokens; a run of blocks the tokens cannot
 * vouch for is rendered and sanitised alone, which gives the same bytes as long as the parser stands at depth
 * zero, outside any comment or raw text, after it (sanitizeFragment tells); otherwise the rest of the document
 * is sanitised as one.
 */
export function sanitisedMarkdownHtml(
  md: MarkdownIt,
  tokens: Token[],
  env: Env,
): SanitisedMarkdown | undefined {
  const blocks = { written: 0, sanitised: 0 };
  const written = writeBlocks(md, tokens, env, blocks);
  if (written === undefined) markdownCounts.whole++;
  else {
    markdownCounts.written += blocks.written;
    markdownCounts.sanitised += blocks.sanitised;
  }
  return written;
}

export interface SanitisedMarkdown {
  html: string;
  /** countReadingWords(html), counted as it was written. */
  words: number;
}

function writeBlocks(
  md: MarkdownIt,
  tokens: Token[],
  env: Env,
  blocks: { written: number; sanitised: number },
): SanitisedMarkdown | undefined {
  if (!ALLOWLIST_MODELLED) return undefined;
  const writer = new BlockWriter(md, env);
  const reference = (from: number, to: number) => md.renderer.render(tokens.slice(from, to), md.options, env);
  // Blocks meet at a tag or a line break, so no word spans two: the counts add up.
  let html = '';
  let words = 0;
  let pending = -1; // first token of a run of blocks waiting for the sanitiser
  try {
    for (let start = 0; start < tokens.length;) {
      const end = blockEnd(tokens, start);
      let written: string | undefined;
      try {
        written = writer.block(tokens, start, end);
      } catch (reason) {
        if (reason !== NEEDS_SANITISER) throw reason;
        if (pending < 0) pending = start;
        blocks.sanitised++;
      }
      if (written !== undefined && pending >= 0) {
        const fragment = sanitizeFragment(reference(pending, start));
        if (fragment.unwrapped) return undefined;
        if (!fragment.closed) break; // what follows may belong inside it: the rest goes to the sanitiser
        html += fragment.html;
        words += countReadingWords(fragment.html);
        pending = -1;
      }
      if (written !== undefined) {
        html += written;
        words += writer.words.count;
        blocks.written++;
      }
      start = end;
    }
  } catch (reason) {
    if (reason === TOO_DEEP) return undefined;
    throw reason;
  }
  if (pending >= 0) {
    const rest = sanitizeArticleHtml(reference(pending, tokens.length));
    if (rest.unwrapped) return undefined;
    html += rest.html;
    words += countReadingWords(rest.html);
  }
  return { html: html.replace(RESERVED_CHARACTERS, ''), words };
}

/** The index after the top-level block that starts at `start`. */
function blockEnd(tokens: Token[], start: number): number {
  const first = tokens[start];
  if (first.nesting !== 1) return start + 1;
  for (let i = start + 1; i < tokens.length; i++)
    if (tokens[i].nesting === -1 && tokens[i].level === first.level) return i + 1;
  return tokens.length;
}
