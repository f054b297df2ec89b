// What the cheap rules ask of the built page, answered in one streaming pass of htmlparser2 (its callbacks,
// no tree): the <style> blocks, the links and images a reader can see, and the text a reader sees. `build`
// runs these rules on every edition, and a DOM plus a walk per rule cost it more than the rules themselves.
// The answers are those of a walk over htmlparser2's DOM (test/checks/page.test.ts compares the two on
// built pages): the parser's open and close events are exactly what that DOM is built from.
import { Parser } from 'htmlparser2';
import { collapse, hidesItself, NOT_TEXT } from './html.js';

export interface PageLink {
  /** The href, trimmed. */
  href: string;
  /** The link's text, whitespace collapsed (hidden descendants included, as DomUtils.textContent has it). */
  text: string;
  attribs: Readonly<Record<string, string>>;
  /** Index in the HTML string where the <a> tag starts. */
  start: number;
}

export interface PageImage {
  attribs: Readonly<Record<string, string>>;
}

export interface Page {
  /** The text of every <style> element, in document order. */
  styles: string[];
  /** Visible <a href> elements (no display:none on them or an ancestor), in document order. */
  links: PageLink[];
  /** Visible <img> elements, in document order. */
  images: PageImage[];
  /** The text a reader sees, whitespace collapsed: no head, style, script, title or hidden elements. */
  text: string;
}

const NOT_SPACE = /\S/;

interface Open {
  /** Hidden itself or inside a hidden element. */
  hidden: boolean;
  /** Its text and its descendants' are left out of what a reader sees. */
  silent: boolean;
  /** The visible link this element is, collecting its text. */
  link?: { href: string; attribs: Record<string, string>; start: number; text: string[] };
  /** The <style> element this is: its place in page.styles, and its text so far. */
  style?: { index: number; text: string[] };
}

export function scanPage(html: string): Page {
  const page: Page = { styles: [], links: [], images: [], text: '' };
  const seen: string[] = [];
  // a page's tags are mostly set apart by indentation, and each element adds a space around its text: one
  // space in a row says as much, and leaves collapse() little to do
  const space = () => seen[seen.length - 1] !== ' ' && seen.push(' ');
  const stack: Open[] = [];
  /** Links open now, outermost first: an <a> inside an <a> still collects the text of both. */
  const links: NonNullable<Open['link']>[] = [];
  /** Style elements open now: in HTML, `<style/>` does not close, and what follows is inside it. */
  const styles: NonNullable<Open['style']>[] = [];
  const parser: Parser = new Parser({
    onopentag(name, attribs) {
      const parent = stack[stack.length - 1];
      const hidden = (parent?.hidden ?? false) || hidesItself(attribs.style);
      const silent = (parent?.silent ?? false) || hidden || NOT_TEXT.has(name);
      const open: Open = { hidden, silent };
      if (!silent) space();
      if (name === 'a' && attribs.href !== undefined && !hidden) {
        open.link = { href: attribs.href.trim(), attribs, start: parser.startIndex, text: [] };
        links.push(open.link);
      } else if (name === 'img' && !hidden) page.images.push({ attribs });
      else if (name === 'style') styles.push((open.style = { index: page.styles.push('') - 1, text: [] })); // its place in document order
      stack.push(open);
    },
    ontext(text) {
      const top = stack[stack.length - 1];
      if (!top?.silent) {
        if (NOT_SPACE.test(text)) seen.push(text);
        else space();
      }
      for (const link of links) link.text.push(text);
      for (const style of styles) style.text.push(text);
    },
    onclosetag() {
      const open = stack.pop();
      if (!open) return;
      if (!open.silent) space();
      if (open.link) {
        links.pop();
        page.links.push({
          href: open.link.href,
          text: collapse(open.link.text.join('')),
          attribs: open.link.attribs,
          start: open.link.start,
        });
      }
      if (open.style) {
        styles.pop();
        page.styles[open.style.index] = open.style.text.join('');
      }
    },
  });
  parser.end(html);
  // a link closes after the links inside it: put them back in document order, as the DOM has them
  page.links.sort((a, b) => a.start - b.start);
  page.text = collapse(seen.join(''));
  return page;
}
