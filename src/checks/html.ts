// Reading the built HTML in rules: one parse per edition (htmlparser2, which MJML and html-to-text load
// anyway), and the few questions every rule asks of it: which elements, what text, what inline style.
import { DomUtils, parseDocument } from 'htmlparser2';

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlElement = ReturnType<typeof DomUtils.getElementsByTagName>[number];
type HtmlNode = HtmlDocument['children'][number];

export const parseHtml = (html: string): HtmlDocument => parseDocument(html, { withStartIndices: true, withEndIndices: true });

/** Elements by tag name, in document order. */
export const elements = (dom: HtmlDocument, tag: string): HtmlElement[] => DomUtils.getElementsByTagName(tag, dom, true);

/** Elements that pass a test, in document order. */
export const findElements = (dom: HtmlDocument, test: (element: HtmlElement) => boolean): HtmlElement[] => DomUtils.findAll(test, dom.children);

/** An element's text with whitespace collapsed, as a reader sees it. */
export const textOf = (node: HtmlNode | HtmlElement): string => collapse(rawText(node));

export const rawText = (node: HtmlNode | HtmlElement): string => DomUtils.textContent(node);

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Parsed once per element: rules ask for the styles of every ancestor of every link, image and heading. */
const parsedStyles = new WeakMap<HtmlElement, ReadonlyMap<string, string>>();

/** The inline style="" declarations of an element, property names lower-cased. */
export function inlineStyle(element: HtmlElement): ReadonlyMap<string, string> {
  let style = parsedStyles.get(element);
  if (style) return style;
  const parsed = new Map<string, string>();
  for (const declaration of (element.attribs.style ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) parsed.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim());
  }
  parsedStyles.set(element, (style = parsed));
  return style;
}

/** The element and its ancestors, nearest first. */
export function ancestry(element: HtmlElement): HtmlElement[] {
  const chain: HtmlElement[] = [];
  for (let node: HtmlNode | null = element; node && DomUtils.isTag(node); node = node.parent as HtmlNode | null) chain.push(node);
  return chain;
}

/** Hidden on purpose (display:none, like a preheader): a reader never sees it. */
export const isHiddenElement = (element: HtmlElement): boolean =>
  // most elements of an inlined page have a style, few mention display: skip parsing those
  /display/i.test(element.attribs.style ?? '') && /^none\b/i.test(inlineStyle(element).get('display') ?? '');

export function isHidden(element: HtmlElement): boolean {
  for (let node: HtmlNode | null = element; node && DomUtils.isTag(node); node = node.parent as HtmlNode | null) if (isHiddenElement(node)) return true;
  return false;
}

const NOT_TEXT = new Set(['head', 'style', 'script', 'title']);

/** The text a reader sees: no head, styles or hidden elements. */
export function visibleText(dom: HtmlDocument): string {
  const parts: string[] = [];
  const walk = (nodes: HtmlNode[]) => {
    for (const node of nodes) {
      if (DomUtils.isText(node)) parts.push(node.data);
      else if (DomUtils.isTag(node) && !NOT_TEXT.has(node.name) && !isHiddenElement(node)) {
        parts.push(' ');
        walk(node.children as HtmlNode[]);
        parts.push(' ');
      }
    }
  };
  walk(dom.children);
  return collapse(parts.join(''));
}

/** Bytes from the start of the HTML to an element: where Gmail's clipping would cut. */
export const byteOffset = (html: string, element: HtmlElement): number => Buffer.byteLength(html.slice(0, element.startIndex ?? 0));
