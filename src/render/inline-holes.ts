// Inline CSS on an edition made from a compiled skeleton (mjml-skeleton.ts), without parsing the skeleton's
// part of the page again for every edition.
//
// With a stylesheet that can be applied by signature (inline-css.ts), what juice writes on an element depends
// only on the element and its ancestors. So the skeleton's own elements get the same styles in every edition:
// juice styles the skeleton once, holes and all, and keeps it. For an edition, only what fills the holes is
// parsed, each piece inside bare copies of its ancestors' tags (what the parser's implied end tags look at),
// then styled from signatures and written back with the same serialiser; the pieces then go into the styled
// skeleton. That is the page juice would make of the filled skeleton, as long as each piece parses the same
// inside the page as inside its copied ancestors, which is checked every time: the piece has to leave exactly
// its ancestors open behind it (a marker element after it must land as the last child of its parent), so a
// stray end tag, an unclosed element, or a piece that ends inside a tag or a comment sends the page the whole
// way (inline-css.ts), as do an unseen signature and the few things juice does to a page as a whole.
// test/render/inline-holes.test.ts compares the two ways on random skeletons and pieces.
import type { Cheerio, DomNode, JuiceParts, Plan } from './inline-css.js';
import { applyWritten, juiceOptions, planFor, signElements, stylesheetOf } from './inline-css.js';

const HOLE = /mjmlhole7f3a(\d+)x/g;
const END = 'newsletter-hole-end';
const PIECE = 'newsletter-hole';
/** juice swaps code blocks out of the whole page before parsing, pairing an opening with the next close
 * wherever they are: a page with any of these, or that could make one where a hole meets the skeleton, goes
 * the whole way. */
const CODE_BLOCK = /\{\{|\}\}|<%|%>/;
const CODE_BLOCK_AT_HOLE = /[{}<%]mjmlhole7f3a\d+x|mjmlhole7f3a\d+x[{}%>]/;
/** Parents whose text the parser reads raw: only title is filled (with text that does not end it), the rest never. */
const RAW_TEXT = new Set(['title', 'script', 'style', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
/** The serialiser writes what is inside these differently: never a hole's ancestor here. */
const FOREIGN = new Set(['svg', 'math']);

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
  /** Holes filled as they are: attribute values, and the text of a title. */
  verbatim: Set<number>;
  titleHoles: Set<number>;
}

/** Styled skeletons, per stylesheet and then skeleton; a handful in any build (one per layout). */
const styled = new Map<string, Map<string, StyledSkeleton>>();
const MAX_SKELETONS = 32;

/** How editions were styled this way since the process started (for tests and the benchmark). */
export const holeCounts = { pieces: 0 };

/** The edition's HTML with its CSS inlined, or undefined: style the filled page the whole way. */
export function inlineHoles(parts: JuiceParts, skeletonHtml: string, values: readonly string[], css: string): string | undefined {
  const plan = planFor(parts, stylesheetOf(css));
  if (!plan.bySignature) return undefined;
  if (!styled.has(css) && styled.size >= MAX_SKELETONS) styled.delete(styled.keys().next().value!);
  const forCss = styled.get(css) ?? styled.set(css, new Map()).get(css)!;
  let skeleton = forCss.get(skeletonHtml);
  if (!skeleton) {
    skeleton = styleSkeleton(parts, plan, skeletonHtml, css);
    if (forCss.size >= MAX_SKELETONS) forCss.delete(forCss.keys().next().value!);
    forCss.set(skeletonHtml, skeleton);
  }
  if (skeleton.html === undefined || values.some((value) => CODE_BLOCK.test(value))) return undefined;
  for (const hole of skeleton.verbatim) {
    // an attribute value MJML wrote between double quotes; a title's text, which must not end the title
    if (skeleton.titleHoles.has(hole) ? /<\/title/i.test(values[hole]!) : values[hole]!.includes('"')) return undefined;
  }
  const pieces = stylePieces(parts, plan, skeleton.textHoles, values);
  if (!pieces) return undefined;
  holeCounts.pieces++;
  return skeleton.html.replace(HOLE, (_, n: string) => pieces.get(Number(n)) ?? values[Number(n)]!);
}

/** Styles the skeleton once, noting where each hole sits. */
function styleSkeleton(parts: JuiceParts, plan: Plan, html: string, css: string): StyledSkeleton {
  const skeleton: StyledSkeleton = { textHoles: [], verbatim: new Set(), titleHoles: new Set() };
  if (CODE_BLOCK.test(html) || CODE_BLOCK_AT_HOLE.test(html)) return skeleton;
  let usable = true;
  const seen = new Set<number>();
  const note = (hole: number) => {
    if (seen.has(hole)) usable = false; // a piece written twice: keep it simple, let juice have it
    seen.add(hole);
  };
  const output = parts.load(html, { xmlMode: undefined }, ($: Cheerio) => {
    const signed = signElements(plan, $.root()[0].children ?? [], 0);
    const ids = new Map(signed.elements.map((element, i) => [element as DomNode, signed.ids[i]!]));
    const visit = (node: DomNode, chain: DomNode[]) => {
      for (const child of node.children ?? []) {
        if (child.attribs) {
          for (const [name, value] of Object.entries(child.attribs)) {
            for (const [, n] of value.matchAll(HOLE)) {
              if (plan.attributes.has(name)) usable = false; // a selector tests it: the styles depend on the value
              skeleton.verbatim.add(Number(n));
            }
          }
          visit(child, [...chain, child]);
        } else if (typeof (child as { data?: unknown }).data === 'string') {
          for (const [, n] of ((child as { data: string }).data).matchAll(HOLE)) {
            const hole = Number(n);
            note(hole);
            const parent = chain.at(-1);
            if (chain.some((element) => FOREIGN.has(element.name!)) || (child as { type?: string }).type !== 'text') usable = false; // in a comment...
            else if (parent && RAW_TEXT.has(parent.name!)) {
              if (parent.name === 'title') skeleton.verbatim.add(hole), skeleton.titleHoles.add(hole);
              else usable = false;
            } else skeleton.textHoles.push({ hole, chain: chain.map((element) => element.name!), parent: parent ? ids.get(parent)! : 0 });
          }
        }
      }
    };
    visit($.root()[0], []);
    parts.client.inlineDocument($, stylesheetOf(css), juiceOptions(parts, css));
    return $;
  }, [css]);
  for (const hole of skeleton.verbatim) if (skeleton.textHoles.some((text) => text.hole === hole)) usable = false;
  if (usable) skeleton.html = output;
  return skeleton;
}

/** Each text hole's piece, parsed inside its ancestors, styled from signatures and serialised; undefined when
 * any piece would not parse the same inside the page, or has an element juice has not styled yet. Pieces with
 * the same ancestors share one copy of them, one after the other, each followed by the marker element. */
function stylePieces(parts: JuiceParts, plan: Plan, holes: TextHole[], values: readonly string[]): Map<number, string> | undefined {
  const groups = new Map<string, { chain: string[]; holes: TextHole[] }>();
  for (const hole of holes) {
    const value = values[hole.hole]!;
    // a piece ending in "<" reads on differently before the marker than before what follows it in the page
    if (value.endsWith('<')) return undefined;
    const chain = parserChain(hole.chain);
    const key = chain.join(' ');
    const group = groups.get(key) ?? groups.set(key, { chain, holes: [] }).get(key)!;
    group.holes.push(hole);
  }
  const document = [...groups.values()]
    .map(({ chain, holes: group }) =>
      `<${PIECE}>${chain.map((name) => `<${name}>`).join('')}${group.map(({ hole }) => `${values[hole]}<${END}></${END}>`).join('')}` +
      `${chain.map((name) => `</${name}>`).reverse().join('')}</${PIECE}>`)
    .join('');
  // as juice/lib/cheerio loads a page (its code blocks aside: there are none)
  const $ = parts.cheerio.load(document, { xml: { decodeEntities: false, xmlMode: undefined } });
  const containers = $.root()[0].children ?? [];
  if (containers.length !== groups.size) return undefined;
  const pieces = new Map<number, string>();
  const styled: { hole: number; nodes: DomNode[] }[] = [];
  for (const [i, { chain, holes: group }] of [...groups.values()].entries()) {
    const split = pieceNodes(containers[i]!, chain, group.length);
    if (!split) return undefined;
    for (const [j, { hole, parent }] of group.entries()) {
      const signed = signElements(plan, split[j]!, parent);
      if (signed.unseen) return undefined;
      applyWritten(plan, signed);
      styled.push({ hole, nodes: split[j]! });
    }
  }
  for (const { hole, nodes } of styled) pieces.set(hole, $.html(nodes));
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
