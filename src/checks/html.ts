// Reading the built HTML in rules: one parse per edition (htmlparser2, which MJML and html-to-text load
// anyway), and the few questions every rule asks of it: which elements, what text, what inline style.
import { DomUtils, parseDocument } from 'htmlparser2';

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlElement = ReturnType<typeof DomUtils.getElementsByTagName>[number];
export type HtmlNode = HtmlDocument['children'][number];

export const parseHtml = (html: string): HtmlDocument =>
  parseDocument(html, { withStartIndices: true, withEndIndices: true });

/** Elements by tag name, in document order. */
export const elements = (dom: HtmlDocument, tag: string): HtmlElement[] =>
  DomUtils.getElementsByTagName(tag, dom, true);

/** The first element of a tag name, in document order (the search stops there). */
export const firstElement = (dom: HtmlDocument, tag: string): HtmlElement | undefined =>
  DomUtils.getElementsByTagName(tag, dom, true, 1)[0];

/** Elements that pass a test, in document order. */
export const findElements = (dom: HtmlDocument, test: (element: HtmlElement) => boolean): HtmlElement[] =>
  DomUtils.findAll(test, dom.children);

/** An element's text with whitespace collapsed, as a reader sees it. */
export const textOf = (node: HtmlNode | HtmlElement): string => collapse(rawText(node));

export const rawText = (node: HtmlNode | HtmlElement): string => DomUtils.textContent(node);

/** Runs of whitespace as one space, trimmed: text.replace(/\s+/g, ' ').trim(), but single spaces, nearly every
 * run in a text, are not matched and replaced by themselves (six times faster on a page's text). */
export const collapse = (text: string): string => text.replace(/ \s+|[^\S ]\s*/g, ' ').trim();

/** Parsed once per element: rules ask for the styles of every ancestor of every link, image and heading. */
const parsedStyles = new WeakMap<HtmlElement, ReadonlyMap<string, string>>();

/** The inline style="" declarations of an element, property names lower-cased. */
export function inlineStyle(element: HtmlElement): ReadonlyMap<string, string> {
  let style = parsedStyles.get(element);
  if (style) return style;
  parsedStyles.set(element, (style = parseStyle(element.attribs.style ?? '')));
  return style;
}

/** Declarations of a style="" value, property names lower-cased; the last of a property wins. */
function parseStyle(style: string): Map<string, string> {
  const parsed = new Map<string, string>();
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0)
      parsed.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim());
  }
  return parsed;
}

/** The element and its ancestors, nearest first. */
export function ancestry(element: HtmlElement): HtmlElement[] {
  const chain: HtmlElement[] = [];
  for (
    let node: HtmlNode | null = element;
    node && DomUtils.isTag(node);
    node = node.parent as HtmlNode | null
  )
    chain.push(node);
  return chain;
}

/** Hidden on purpose (display:none, like a preheader): a reader never sees it. */
export const isHiddenElement = (element: HtmlElement): boolean => hidesItself(element.attribs.style);

/** Does a style="" value say display:none? */
export const hidesItself = (style: string | undefined): boolean =>
  // most elements of an inlined page have a style, few mention display: skip parsing those
  style !== undefined && /display/i.test(style) && /^none\b/i.test(parseStyle(style).get('display') ?? '');

export function isHidden(element: HtmlElement): boolean {
  for (
    let node: HtmlNode | null = element;
    node && DomUtils.isTag(node);
    node = node.parent as HtmlNode | null
  )
    if (isHiddenElement(node)) return true;
  return false;
}

/** Elements whose text a reader never sees as text. */
export const NOT_TEXT: ReadonlySet<string> = new Set(['head', 'style', 'script', 'title']);

/** Bytes from the start of the HTML to a string index (where an element starts): where Gmail's clipping would cut. */
export const byteOffset = (html: string, index: number): number => Buffer.byteLength(html.slice(0, index));
