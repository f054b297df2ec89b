// The allowlist for article HTML. Whatever the Markdown renderer produced (raw HTML included) passes
// through here before it can reach a template: no scripts, frames, forms, event handlers or styles (but a
// table cell's alignment), and only http(s)/mailto URLs (relative ones are kept for `check` to flag).
import { Parser } from 'htmlparser2';
import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';
import { RESERVED_CHARACTERS } from './text.js';
import { hasScheme } from './urls.js';

/**
 * sanitize-html, loaded on first use: an article written from its Markdown tokens (safe-markdown.ts) never
 * needs it, and it takes a thread about 20 ms to load (PostCSS with it), on the way to a build's first edition.
 */
export function sanitizer(): typeof sanitizeHtml {
  return (loaded ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml);
}
let loaded: typeof sanitizeHtml | undefined;

/** Article bodies may not use h1/h2: the newsletter owns h1, article titles are h2. */
const demoteHeading = (tag: string) => () => ({ tagName: tag, attribs: {} });

function imageWidth(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const { width, ...rest } = attribs;
  if (/^\d+$/.test(width ?? '')) return { ...rest, width: width! };
  return hasScheme(attribs.src ?? '') ? { ...rest, width: '552' } : rest;
}

/**
 * A table cell's own alignment (Markdown's `---:` and `:---:` write style="text-align:right"), kept as that
 * one declaration and nothing else: inline, it wins over the layout's th and td rules when the CSS is inlined,
 * which then also writes it as align="right" for clients that read only attributes.
 */
const CELL_ALIGNMENT = /^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$/i;
function cellAlignment(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { style, align, ...rest } = attribs;
  const value = CELL_ALIGNMENT.exec(style ?? '')?.[1] ?? /^(left|right|center)$/i.exec(align ?? '')?.[1];
  return { tagName, attribs: value ? { ...rest, style: `text-align:${value.toLowerCase()}` } : rest };
}

/** The allowlist itself, also read by the Markdown renderer that writes what it would let through (safe-markdown.ts). */
export const ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'del',
    'ins',
    'mark',
    'small',
    'sub',
    'sup',
    'code',
    'pre',
    'kbd',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'figure',
    'figcaption',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height', 'title'],
    th: ['style', 'colspan', 'rowspan'],
    td: ['style', 'colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Dropped with their content, not just unwrapped: a script's text is not article text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'title'],
  // an image whose src was dropped as unsafe would show as a broken image: drop it whole
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  transformTags: {
    h1: demoteHeading('h3'),
    h2: demoteHeading('h3'),
    // a remote image fills the column unless it says otherwise; a local one gets its size from its file later
    img: (tagName, attribs) => ({ tagName, attribs: imageWidth(attribs) }),
    th: cellAlignment,
    td: cellAlignment,
  },
};

/**
 * How deep article markup may nest. Deeper elements are unwrapped (their text kept), so that nothing after
 * this (html-to-text, MJML, juice, the checks, all of which walk the page recursively) meets a page thousands
 * of levels deep: 6000 nested <span> once ran them out of stack. The templates add a few dozen levels.
 */
export const MAX_NESTING = 200;

/**
 * Entities such as &#xE000; decode to reserved characters here, after article.ts removed the literal ones:
 * removed again, so content cannot forge a recipient-field token (render/tokens.ts). `unwrapped`: whether
 * elements nested deeper than MAX_NESTING were unwrapped.
 */
export function sanitizeArticleHtml(html: string): { html: string; unwrapped: boolean } {
  let open = 0;
  let unwrapped = false;
  const sanitized = sanitizer()(html, {
    ...ALLOWLIST,
    nestingLimit: MAX_NESTING,
    onOpenTag: () => {
      if (open++ >= MAX_NESTING) unwrapped = true;
    },
    onCloseTag: () => {
      open--;
    },
  });
  return { html: sanitized.replace(RESERVED_CHARACTERS, ''), unwrapped };
}

/**
 * Written after a fragment to learn how the parser stands at its end. A tag name cannot be written with an
 * entity, and content never holds a reserved character (article.ts removes them), so content cannot forge it.
 */
const CUT_NAME = 'x\uE00F';
const CUT = `<${CUT_NAME}></${CUT_NAME}>`;

/**
 * Sanitises a fragment of article HTML that is one part of a longer document (a block of raw HTML between
 * Markdown's own blocks). `closed`: whether the parser ends the fragment with no element open, outside any
 * comment, tag or raw text, so that what follows it is read as if the document started there; only then is
 * the document's sanitised HTML this fragment's followed by the rest's. Otherwise sanitise the whole.
 */
export function sanitizeFragment(html: string): { html: string; closed: boolean; unwrapped: boolean } {
  let open = 0;
  let unwrapped = false;
  let cutAt = -1;
  let cutClosed = false;
  const sanitized = sanitizer()(html + CUT, {
    ...ALLOWLIST,
    nestingLimit: MAX_NESTING,
    onOpenTag: (name) => {
      if (name === CUT_NAME) cutAt = open;
      if (open++ >= MAX_NESTING) unwrapped = true;
    },
    onCloseTag: (name, isImplied) => {
      open--;
      if (name === CUT_NAME) cutClosed = !isImplied && open === 0;
    },
  });
  return { html: sanitized.replace(RESERVED_CHARACTERS, ''), closed: cutAt === 0 && cutClosed, unwrapped };
}

/** What the sanitiser will remove from a raw HTML fragment, for a warning (empty when nothing). */
export function unsafeHtmlIn(fragment: string): string[] {
  const tags = new Set<string>();
  let handlers = false;
  let styles = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (REMOVED_TAGS.has(name)) tags.add(`<${name}>`);
        const names = Object.keys(attribs);
        if (names.some((attribute) => /^on[a-z]+$/.test(attribute))) handlers = true;
        // a table cell's alignment is kept (cellAlignment): any other style attribute is not
        if (
          attribs.style !== undefined &&
          !((name === 'td' || name === 'th') && CELL_ALIGNMENT.test(attribs.style))
        )
          styles = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(fragment);
  return [
    ...tags,
    ...(handlers ? ['event handler attributes'] : []),
    ...(styles ? ['style attributes'] : []),
  ];
}

// tags the allowlist drops, with what they hold, that a writer may have meant to keep
const REMOVED_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'style',
  'link',
  'meta',
  'base',
  'svg',
  'math',
]);
