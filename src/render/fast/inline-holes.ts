// Inline CSS on an edition made from a compiled skeleton (skeleton.ts), without parsing the skeleton's
// part of the page again for every edition.
//
// With a stylesheet that can be applied by signature (inline-css.ts), what juice writes on an element depends
// only on the element and its ancestors. So the skeleton's own elements get the same styles in every edition:
// juice styles the skeleton once, holes and all, and keeps it. For an edition, only what fills the holes is
// parsed, each piece inside bare copies of its ancestors' tags (what the parser's implied end tags look at),
// then styled from signatures and written back with the same serialiser; the pieces then go into the styled
// skeleton. That is the page juice would make of the filled skeleton as long as the parser is in the same
// state after each piece as before it, and reads it as it would inside the page. Checked for every edition:
// - the piece leaves exactly its ancestors open (a marker element after it is the next child of its parent:
//   no stray end tag, no element left open, no piece ending inside a tag or a comment);
// - it has no svg or math (the parser's foreign-content state is not kept with its open elements);
// - no value holds the marker element's name, or anything juice would set aside as a code block;
// - attribute holes are double-quoted in the skeleton, and title text cannot end the title.
// Anything else sends the page the whole way (inline-css.ts), as do an element juice has not styled yet and
// the few things juice does to a page as a whole. test/render/fast/inline-holes.test.ts compares the two ways on
// hostile pieces and random skeletons.
import type { Cheerio, DomNode, JuiceParts } from '../../library-internals.js';
import type { Plan } from './inline-css.js';
import { applyWritten, juiceOptions, planFor, signElements, stylesheetOf } from './inline-css.js';
import { HOLES } from './skeleton.js';

const MARKER = HOLES.source.replace('(\\d+)', '\\d+');
/** Any marker, in any case: one the parser lower-cased in a tag or attribute name is a hole this way misses. */
const ANY_HOLE = new RegExp(MARKER, 'gi');
const TOUCHING = new RegExp(`(?:${MARKER}){2,}`, 'g');
const END = 'newsletter-hole-end';
const PIECE = 'newsletter-hole';
/** juice swaps code blocks out of the whole page before parsing, pairing an opening with the next close
 * wherever they are: a page with any of these, or that could make one where a value meets the skeleton or
 * another value (holes written side by side), goes the whole way. */
const CODE_BLOCK = /\{\{|\}\}|<%|%>/;
const CODE_BLOCK_AT_HOLE = new RegExp(`[{}<%]${MARKER}|${MARKER}[{}%>]`);
const CODE_BLOCK_AT_EDGE = /^[{}%>]|[{}<%]$/;
/** Parents whose text htmlparser2 reads raw (script, style, title, textarea) and a few the HTML standard
 * does: only a title is filled this way (with text that cannot end it), the others never. */
const RAW_TEXT = new Set([
  'title',
  'script',
  'style',
  'textarea',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
]);
/** Foreign content: the serialiser writes it differently, and the parser keeps its state apart from the open
 * elements, where an implied end tag does not undo it. Never a hole's ancestor, never in a piece. */
const FOREIGN = new Set(['svg', 'math']);
const FOREIGN_TAG = /<(svg|math)\b/i;

interface TextHole {
  hole: number;
  /** The names of the hole's ancestors, outermost first. */
  chain: string[];
  /** The signature id of its parent (0: the page itself). */
  parent: number;
}

interface StyledSkeleton {
  /** The skeleton with its CSS inlined and its holes still in place; undefined when this way cannot serve it. */
  html?: string;
  textHoles: TextHole[];
  /** Holes filled as they are: in attribute values (double-quoted), and in a title's text. */
  attributeHoles: Set<number>;
  titleHoles: Set<number>;
  /** The highest hole number in the skeleton. */
  lastHole: number;
  /** Holes written right beside another hole, where two values meet. */
  touching: Set<number>;
}

/** Styled skeletons, per plan (its signature ids are in them) and then skeleton: a handful in any build (one
 * per layout), and gone with their plan. */
const styled = new WeakMap<Plan, Map<string, StyledSkeleton>>();
const MAX_SKELETONS = 16;

/** How many pages were styled this way since the process started (for tests and the benchmark). */
export const holeCounts = { pages: 0 };

/** The edition's HTML with its CSS inlined, or undefined: style the filled page the whole way. */
export function inlineHoles(
  parts: JuiceParts,
  skeletonHtml: string,
  values: readonly string[],
  css: string,
): string | undefined {
  const plan = planFor(parts, stylesheetOf(css));
  if (!plan.bySignature) return undefined;
  const forPlan = styled.get(plan) ?? styled.set(plan, new Map()).get(plan)!;
  let skeleton = forPlan.get(skeletonHtml);
  if (!skeleton) {
    skeleton = styleSkeleton(parts, plan, skeletonHtml, css);
    if (forPlan.size >= MAX_SKELETONS) forPlan.delete(forPlan.keys().next().value!);
    forPlan.set(skeletonHtml, skeleton);
  }
  if (skeleton.html === undefined || values.length <= skeleton.lastHole) return undefined;
  if (values.some((value) => CODE_BLOCK.test(value))) return undefined;
  for (const hole of skeleton.touching) if (CODE_BLOCK_AT_EDGE.test(values[hole]!)) return undefined;
  // an attribute value stays between its double quotes (and is not emptied: the serialiser drops ="" then);
  // a title's text has no "<", so it cannot end the title
  for (const hole of skeleton.attributeHoles)
    if (values[hole] === '' || values[hole]!.includes('"')) return undefined;
  for (const hole of skeleton.titleHoles) if (values[hole]!.includes('<')) return undefined;
  const pieces = stylePieces(parts, plan, skeleton.textHoles, values);
  if (!pieces) return undefined;
  holeCounts.pages++;
  return skeleton.html.replace(HOLES, (_, n: string) => pieces.get(Number(n)) ?? values[Number(n)]!);
}

/** Styles the skeleton once, noting where each hole sits. */
function styleSkeleton(parts: JuiceParts, plan: Plan, html: string, css: string): StyledSkeleton {
  const skeleton: StyledSkeleton = {
    textHoles: [],
    attributeHoles: new Set(),
    titleHoles: new Set(),
    lastHole: -1,
    touching: new Set(),
  };
  if (CODE_BLOCK.test(html) || CODE_BLOCK_AT_HOLE.test(html)) return skeleton;
  for (const [run] of html.matchAll(TOUCHING))
    for (const [, n] of run.matchAll(HOLES)) skeleton.touching.add(Number(n));
  let usable = true;
  let found = 0; // holes found in text and attribute values: anywhere else (a tag, an attribute name), no
  const holeAt = (n: string) => {
    found++;
    skeleton.lastHole = Math.max(skeleton.lastHole, Number(n));
    return Number(n);
  };
  // a text hole is parsed in its place: once only. A value written as it is may be written more than once
  // (MJML writes the title in <title> and in an aria-label), each time double-quoted.
  const seen = new Set<number>();
  const note = (hole: number) => {
    if (seen.has(hole)) usable = false;
    seen.add(hole);
  };
  const quoted = new Map<string, number>();
  const output = parts.load(
    html,
    { xmlMode: undefined },
    ($: Cheerio) => {
      const signed = signElements(plan, $.root()[0].children ?? [], 0);
      const ids = new Map(signed.elements.map((element, i) => [element as DomNode, signed.ids[i]!]));
      const visit = (node: DomNode, chain: DomNode[]) => {
        for (const child of node.children ?? []) {
          if (child.attribs) {
            for (const [name, value] of Object.entries(child.attribs)) {
              const holes = [...value.matchAll(HOLES)];
              if (holes.length === 0) continue;
              if (plan.attributes.has(name)) usable = false; // a selector tests it: the styles depend on the value
              const pair = `${name}="${value}"`;
              quoted.set(pair, (quoted.get(pair) ?? 0) + 1);
              for (const [, n] of holes) skeleton.attributeHoles.add(holeAt(n));
            }
            visit(child, [...chain, child]);
          } else if (typeof (child as { data?: unknown }).data === 'string') {
            const data = (child as { data: string }).data;
            for (const [, n] of data.matchAll(HOLES)) {
              const hole = holeAt(n);
              const parent = chain.at(-1);
              if (
                chain.some((element) => FOREIGN.has(element.name!)) ||
                (child as { type?: string }).type !== 'text'
              )
                usable = false; // in a comment...
              else if (parent && RAW_TEXT.has(parent.name!)) {
                // the title's own text has no "<" either, so no value can join it into an end tag
                if (parent.name === 'title' && !data.includes('<')) skeleton.titleHoles.add(hole);
                else usable = false;
              } else {
                note(hole);
                skeleton.textHoles.push({
                  hole,
                  chain: chain.map((element) => element.name!),
                  parent: parent ? ids.get(parent)! : 0,
                });
              }
            }
          }
        }
      };
      visit($.root()[0], []);
      parts.client.inlineDocument($, stylesheetOf(css), juiceOptions(parts, css));
      return $;
    },
    [css],
  );
  if (found !== (html.match(ANY_HOLE)?.length ?? 0)) usable = false;
  // every attribute with a hole written in the skeleton just as the parser read it, between double quotes
  for (const [pair, count] of quoted) if (html.split(pair).length - 1 < count) usable = false;
  for (const hole of [...skeleton.attributeHoles, ...skeleton.titleHoles]) if (seen.has(hole)) usable = false;
  if (usable) skeleton.html = output;
  return skeleton;
}

/** Each text hole's piece, parsed inside its ancestors, styled from signatures and serialised; undefined when
 * any piece would not parse the same inside the page, or has an element juice has not styled yet. Pieces with
 * the same ancestors share one copy of them, one after the other, each followed by the marker element. */
function stylePieces(
  parts: JuiceParts,
  plan: Plan,
  holes: TextHole[],
  values: readonly string[],
): Map<number, string> | undefined {
  const groups = new Map<string, { chain: string[]; holes: TextHole[] }>();
  for (const hole of holes) {
    const value = values[hole.hole]!;
    // a piece ending in "<" reads on differently before the marker than before what follows it in the page
    if (value.endsWith('<') || FOREIGN_TAG.test(value) || /newsletter-hole/i.test(value)) return undefined;
    const chain = parserChain(hole.chain);
    const key = chain.join(' ');
    const group = groups.get(key) ?? groups.set(key, { chain, holes: [] }).get(key)!;
    group.holes.push(hole);
  }
  const document = [...groups.values()]
    .map(
      ({ chain, holes: group }) =>
        `<${PIECE}>${chain.map((name) => `<${name}>`).join('')}${group.map(({ hole }) => `${values[hole]}<${END}></${END}>`).join('')}` +
        `${chain
          .map((name) => `</${name}>`)
          .reverse()
          .join('')}</${PIECE}>`,
    )
    .join('');
  // as juice/lib/cheerio loads a page (its code blocks aside: there are none)
  const $ = parts.cheerio.load(document, { xml: { decodeEntities: false, xmlMode: undefined } });
  const containers = $.root()[0].children ?? [];
  if (containers.length !== groups.size) return undefined;
  const pieces = new Map<number, string>();
  for (const [i, { chain, holes: group }] of [...groups.values()].entries()) {
    const split = pieceNodes(containers[i]!, chain, group.length);
    if (!split) return undefined;
    for (const [j, { hole, parent }] of group.entries()) {
      const signed = signElements(plan, split[j]!, parent);
      if (signed.unseen) return undefined;
      applyWritten(plan, signed);
      pieces.set(hole, $.html(split[j]!));
    }
  }
  return pieces;
}

/**
 * The ancestors as far as the parser can tell: it looks at the innermost open element (implied end tags) and
 * at which names are open at all (an end tag closes up to the nearest of its name). So each name once, in
 * document order, then the innermost: a shorter copy to parse, that treats every piece as the page would.
 */
function parserChain(chain: string[]): string[] {
  const names = [...new Set(chain)];
  const innermost = chain.at(-1);
  return innermost !== undefined && names.at(-1) !== innermost ? [...names, innermost] : names;
}

/** The nodes of each of `count` pieces in one container, if each parsed inside the ancestors and left exactly
 * them open: the container holds the ancestors one inside the other, and the innermost holds the pieces, each
 * followed by an empty marker element. */
function pieceNodes(container: DomNode, chain: string[], count: number): DomNode[][] | undefined {
  if (container.name !== PIECE) return undefined;
  let node = container;
  for (const name of chain) {
    const only = node.children?.length === 1 ? node.children[0]! : undefined;
    if (!only || only.name !== name) return undefined;
    node = only;
  }
  const pieces: DomNode[][] = [[]];
  for (const child of node.children ?? []) {
    if (child.name !== END) pieces.at(-1)!.push(child);
    else if ((child.children?.length ?? 0) > 0) return undefined;
    else pieces.push([]);
  }
  // every marker where it belongs, and nothing after the last
  return pieces.length === count + 1 && pieces.at(-1)!.length === 0 ? pieces.slice(0, -1) : undefined;
}
