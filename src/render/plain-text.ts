// Article HTML to readable plain text for the text edition: wrapped paragraphs, headings underlined,
// lists and quotes kept, tables in columns, and links as numbered references [1] listed after the article.
import { compile, type FormatCallback } from 'html-to-text';
import { displayWidth, rewrapWide, TEXT_WIDTH } from './wrap.js';

export { TEXT_WIDTH, wrap } from './wrap.js';

export interface PlainText {
  text: string;
  /** Targets of the [n] references in `text`, in order (n = index + 1). */
  links: string[];
}

/** Collects link targets while html-to-text walks one document; `references` is reset for each conversion. */
let references: string[] = [];

const anchor: FormatCallback = (elem, walk, builder) => {
  const href = String(elem.attribs?.href ?? '').trim();
  walk(elem.children, builder);
  if (!href) return;
  const shown = textOf(elem).trim();
  const bare = href.replace(/^mailto:/i, '');
  if (shown === href || shown === bare) return; // the text already is the address
  let n = references.indexOf(href) + 1;
  if (n === 0) n = references.push(href);
  builder.addInline(`\u00a0[${n}]`);
};

const image: FormatCallback = (elem, _walk, builder) => {
  const alt = String(elem.attribs?.alt ?? '').trim();
  if (alt) builder.addInline(`[Image: ${alt}]`);
};

const underlinedHeading: FormatCallback = (elem, walk, builder, options) => {
  builder.openBlock({ leadingLineBreaks: options.leadingLineBreaks ?? 2 });
  walk(elem.children, builder);
  builder.closeBlock({
    trailingLineBreaks: options.trailingLineBreaks ?? 1,
    blockTransform: (text: string) => `${text}\n${'-'.repeat(Math.min(TEXT_WIDTH, longestLine(text)))}`,
  });
};

const convert = compile({
  wordwrap: TEXT_WIDTH,
  preserveNewlines: false,
  // html-to-text silently truncates long input by default: a long article must come through whole.
  limits: {
    maxInputLength: Number.MAX_SAFE_INTEGER,
    maxChildNodes: undefined,
    maxDepth: undefined,
    ellipsis: '',
  },
  formatters: { anchor, image, underlinedHeading },
  selectors: [
    { selector: 'a', format: 'anchor' },
    { selector: 'img', format: 'image' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, format: 'underlinedHeading' })),
    { selector: 'ul', options: { itemPrefix: ' * ' } },
    {
      selector: 'table',
      format: 'dataTable',
      options: { uppercaseHeaderCells: false, colSpacing: 3, maxColumnWidth: 40 },
    },
    { selector: 'hr', options: { length: 20 } },
    { selector: 'pre', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
  ],
});

export function htmlToPlainText(html: string): PlainText {
  references = [];
  const text = rewrapWide(convert(html));
  const links = references;
  references = [];
  return { text: text.trim(), links };
}

/** The text inside an element, in document order: a loop, not a recursion (see render/fast/inline-css.ts). */
function textOf(elem: { children?: unknown[]; data?: string; type?: string }): string {
  const parts: string[] = [];
  const stack = [elem];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') parts.push(node.data ?? '');
    else
      for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--)
        stack.push(node.children![i] as typeof elem);
  }
  return parts.join('');
}

const longestLine = (text: string) => Math.max(...text.split('\n').map(displayWidth));
