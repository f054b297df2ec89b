// Compiling an edition as a skeleton. Most of an edition is text that MJML only copies: the contents of
// mj-text, mj-button, mj-raw... and a few attributes (an image's src and alt). Those parts become numbered
// holes; what is left, the skeleton, is compiled once per distinct layout (the 1000 editions of the
// benchmark have six) and the parts are put back into the compiled HTML. The CSS of
// `<mj-style inline="inline">` is then inlined with MJML's own juice and options, as mjml2html would have.
// The result is the same HTML, byte for byte, as compiling the whole edition: test/render/fast/skeleton.test.ts
// compares the two on a generated archive and on the sample.
//
// Anything MJML reads or rewrites stays in the skeleton, and so in its identity: tags, layout attributes,
// mj-attributes, mj-style, and any content with a comment in it (MJML rewrites Outlook conditional comments).
// A document whose head makes MJML read the text itself is compiled whole: mj-html-attributes (its selectors
// can match elements of the text, and it re-serialises the body) and mj-font (linked only when the text or
// the inline CSS names the font).
import { createHash } from 'node:crypto';
import type { MjmlNode } from '../mjml-options.js';

export interface Skeleton {
  /** The MJML JSON to compile, with holes. */
  tree: MjmlNode;
  /** Identifies the compiled skeleton: a hash of the tree without its line numbers. */
  key: string;
  /** What each hole stands for, by number. */
  values: string[];
  /** The CSS of the inline mj-styles, which the skeleton compile leaves out; undefined when there are none
   * (with one, even empty, mjml2html runs juice over the document, and juice re-serialises it). */
  cssToInline: string | undefined;
}

export const HOLE = 'mjmlhole7f3a';
/** Hole n as the skeleton writes it; HOLES finds them, with n as its group. */
export const holeMarker = (n: number): string => `${HOLE}${n}x`;
export const HOLES = new RegExp(`${HOLE}(\\d+)x`, 'g');
// components that output their content as it is, trimmed (MJML's getContent()); not mj-preview (padded) nor mj-style
export const CONTENT_HOLES = new Set([
  'mj-text',
  'mj-button',
  'mj-raw',
  'mj-table',
  'mj-title',
  'mj-navbar-link',
  'mj-accordion-text',
  'mj-accordion-title',
  'mj-social-element',
]);
// attributes MJML copies into the HTML as they are
export const ATTRIBUTE_HOLES: Record<string, readonly string[]> = {
  'mj-image': ['src', 'alt', 'href', 'title'],
  'mj-button': ['href', 'title'],
};
// fields of the parser's nodes that say where a node came from, not what it is
const POSITION = new Set(['line', 'file', 'absoluteFilePath', 'includedIn']);
// components that make what MJML outputs depend on the text around them
const READS_TEXT = new Set(['mj-html-attributes', 'mj-font']);

/** The skeleton of a parsed document, or undefined when it must be compiled whole: the source could be mistaken
 * for one (it has a hole in it), MJML reads its text (READS_TEXT), or it has an inline mj-style that mjml2html
 * would not simply apply. */
export function splitSkeleton(tree: MjmlNode, source: string, salt: string): Skeleton | undefined {
  if (source.includes(HOLE)) return undefined;
  const values: string[] = [];
  const inline: string[] = [];
  const hole = (value: string) => holeMarker(values.push(value) - 1);
  // mjml2html reads only the first mj-head
  const head = tree.children?.find((child) => child.tagName === 'mj-head');

  let whole = false;
  const walk = (node: MjmlNode, inBody: boolean, parent?: MjmlNode): MjmlNode | undefined => {
    if (READS_TEXT.has(node.tagName)) whole = true;
    if (node.tagName === 'mj-style' && node.attributes?.inline === 'inline') {
      // Taken out and applied after, only where mjml2html applies it and with no other attribute (any other is
      // a validation error). Elsewhere MJML ignores it, fails on it, or it is an error: the whole document says.
      if (parent !== head || Object.keys(node.attributes).length !== 1) whole = true;
      inline.push((node.content ?? '').trim());
      return undefined;
    }
    const copy: MjmlNode = { tagName: node.tagName };
    for (const [field, value] of Object.entries(node)) if (!POSITION.has(field)) copy[field] = value;
    const holed = ATTRIBUTE_HOLES[node.tagName];
    if (node.attributes && inBody && holed) {
      copy.attributes = { ...node.attributes };
      // an empty value stays: MJML tests some of them (an mj-image links only when href is not empty); so does
      // one with a comment in it, as content does
      for (const name of holed)
        if (copy.attributes[name] && !copy.attributes[name].includes('<!'))
          copy.attributes[name] = hole(copy.attributes[name]);
    }
    const content = node.content?.trim();
    if (
      content &&
      (inBody || node.tagName === 'mj-title') &&
      CONTENT_HOLES.has(node.tagName) &&
      !content.includes('<!')
    )
      copy.content = hole(content);
    if (node.children)
      copy.children = node.children
        .map((child) => walk(child, inBody || child.tagName === 'mj-body', node))
        .filter((c) => c !== undefined);
    return copy;
  };

  const skeleton = walk(tree, false)!;
  if (whole) return undefined;
  const key = createHash('sha256').update(salt).update('\0').update(JSON.stringify(skeleton)).digest('hex');
  return { tree: skeleton, key, values, cssToInline: inline.length > 0 ? inline.join('') : undefined };
}

// MJML's minifyOutlookConditionnals: in the body, whitespace inside each of these blocks is collapsed
const CONDITIONAL_BLOCK = /(<!--\[if\s[^\]]+]>)([\s\S]*?)(<!\[endif]-->)/gm;

/** Whether a hole of the compiled skeleton lies inside an Outlook conditional block (content between mj-raws that
 * open and close one): MJML would have collapsed the whitespace of its text, so the document is compiled whole. */
export function holeInConditional(html: string): boolean {
  for (const block of html.matchAll(CONDITIONAL_BLOCK)) if (block[2]!.includes(HOLE)) return true;
  return false;
}

/** The compiled skeleton with every hole filled (inline CSS is applied afterwards, see mjml-parts.ts). */
export const fillHoles = (html: string, values: readonly string[]): string =>
  html.replace(HOLES, (_, n: string) => values[Number(n)]!);
