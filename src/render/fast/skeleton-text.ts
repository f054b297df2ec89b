// Finding an edition's skeleton without parsing it. The skeleton (skeleton.ts) comes from MJML's XML parse of
// the whole document: a millisecond or two an edition, most of the skeleton compile. But the holes are plain
// stretches of the text: the content of a tag MJML keeps as raw text (mj-text, mj-button...), and a few
// attribute values (an image's src and alt). Cut out, what is left of the text names the skeleton: two
// documents with the same text around their holes parse the same, apart from what the holes hold.
//
// So the text is read here with a scanner that knows only what changes the parse around a hole, and gives up
// (undefined: the document is parsed) on anything else: a tag that is not MJML's outside a raw stretch, a
// stretch whose content could move the parser's idea of where it ends (an unclosed tag or quote, a comment
// that does not close, a <script> or <style> whose content is raw text, another MJML tag inside). Whatever
// the scanner cuts, skeleton-compile.ts trusts only once the parse of one document with that text has
// given the same holes with the same values (the learned table there), and test/render/fast/skeleton-text.test.ts
// checks on random documents that every document with the same text gets the same skeleton.
import { ATTRIBUTE_HOLES, CONTENT_HOLES, HOLE } from './skeleton.js';
import { ENDING_TAGS } from './mjml-parts.js';

export interface TextSkeleton {
  /** The document with each hole cut out: the skeleton's name. */
  text: string;
  /** What each hole holds, in the order skeleton.ts numbers them. */
  values: string[];
}

const ENDING = new Set(ENDING_TAGS);
// an MJML tag, opening or closing, with its attributes (quoted either way, or bare)
const MJ_TAG =
  /<(\/?)(mj[a-z0-9-]*)((?:\s+[^\s=/>"'<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([^\s=/>"'<]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// an HTML tag inside a raw stretch, as htmlparser2 reads it back to text
const HTML_TAG =
  /<\/?[a-zA-Z][^\s/>]*(?:\s+[^\s=/>"'<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/y;
// elements whose content htmlparser2 reads as raw text, up to their own end tag
const RAW_TEXT = /^<\/?(script|style|title|textarea|xmp|iframe|noembed|noframes|noscript|plaintext)\b/i;
const MARK = '\u0000';

/** The document's skeleton text and hole values, or undefined when only the parser can tell. */
export function textSkeleton(source: string): TextSkeleton | undefined {
  if (source.includes(HOLE) || source.includes(MARK)) return undefined;
  const parts: string[] = [];
  const values: string[] = [];
  let at = 0; // what is copied so far
  let inBody = false;
  let bodies = 0;
  let pos = 0;
  for (;;) {
    const open = source.indexOf('<', pos);
    if (open < 0) break;
    if (source.startsWith('<!--', open)) {
      const end = commentEnd(source, open);
      if (end < 0) return undefined;
      pos = end;
      continue;
    }
    MJ_TAG.lastIndex = open;
    const tag = MJ_TAG.exec(source);
    if (!tag) return undefined; // not MJML's: only the parser knows what it does here
    const [, closing, name, attributes, selfClosing] = tag;
    pos = MJ_TAG.lastIndex;
    if (closing) {
      if (name === 'mj-body') inBody = false;
      continue;
    }
    if (name === 'mj-body' && ++bodies > 1) return undefined;
    if (name === 'mj-body') inBody = true;
    const holed = inBody ? ATTRIBUTE_HOLES[name!] : undefined;
    if (holed) {
      const cut = attributeHoles(attributes!, holed, open + 1 + name!.length);
      if (!cut) return undefined;
      for (const { start, end, value } of cut) {
        parts.push(source.slice(at, start), MARK);
        values.push(value);
        at = end;
      }
    }
    if (!ENDING.has(name!) || selfClosing) continue;
    // a raw stretch: up to its own end tag, which the parser must see where this scanner does
    const close = source.indexOf(`</${name}`, pos);
    if (close < 0) return undefined;
    const closeEnd = /^\s*>/.exec(source.slice(close + 2 + name!.length, close + 2 + name!.length + 64));
    if (!closeEnd || !readsBackToText(source, pos, close)) return undefined;
    const content = source.slice(pos, close).trim();
    if (content && (inBody || name === 'mj-title') && CONTENT_HOLES.has(name!) && !content.includes('<!')) {
      parts.push(source.slice(at, pos), MARK);
      values.push(content);
      at = close;
    }
    pos = close + 2 + name!.length + closeEnd[0].length;
  }
  parts.push(source.slice(at));
  return { text: parts.join(''), values };
}

/** Where the comment that opens at `start` ends, as htmlparser2 ends it; -1 when it does not, or is odd. */
function commentEnd(source: string, start: number): number {
  // "<!-->" and "<!--->" end at once in HTML's rules: rare enough to leave to the parser
  if (source.startsWith('<!-->', start) || source.startsWith('<!--->', start)) return -1;
  const end = source.indexOf('-->', start + 4);
  return end < 0 ? -1 : end + 3;
}

/** Whether source[from, to) is text, whole HTML tags and whole comments, with no MJML tag and nothing whose
 * content is raw text: the parser is back in text where it ends, as it was where it began. */
function readsBackToText(source: string, from: number, to: number): boolean {
  let pos = from;
  for (;;) {
    const open = source.indexOf('<', pos);
    if (open < 0 || open >= to) return true;
    if (source.startsWith('<!--', open)) {
      const end = commentEnd(source, open);
      if (end < 0 || end > to) return false;
      pos = end;
      continue;
    }
    const head = source.slice(open, open + 12);
    if (/^<\/?mj/i.test(head) || RAW_TEXT.test(head)) return false;
    HTML_TAG.lastIndex = open;
    if (!HTML_TAG.exec(source) || HTML_TAG.lastIndex > to) return false;
    pos = HTML_TAG.lastIndex;
  }
}

/** The holed attributes' values and where they stand, in the order skeleton.ts takes them; undefined when the
 * parser would read them otherwise (a name twice, a value MJML turns into a boolean). */
function attributeHoles(
  attributes: string,
  holed: readonly string[],
  offset: number,
): { start: number; end: number; value: string }[] | undefined {
  const found = new Map<string, { start: number; end: number; value: string }>();
  for (const attribute of attributes.matchAll(ATTRIBUTE)) {
    const [whole, name, double, single, bare] = attribute;
    if (found.has(name!)) return undefined;
    const value = double ?? single ?? bare;
    if (value === 'true' || value === 'false') return undefined;
    const end = offset + attribute.index + whole.length - (bare === undefined && value !== undefined ? 1 : 0);
    found.set(name!, { start: end - (value ?? '').length, end, value: value ?? '' });
  }
  // an empty value, or one with a comment in it, stays in the skeleton (as skeleton.ts leaves it)
  return holed
    .map((name) => found.get(name))
    .filter((hole) => hole !== undefined && hole.value !== '' && !hole.value.includes('<!')) as {
    start: number;
    end: number;
    value: string;
  }[];
}
