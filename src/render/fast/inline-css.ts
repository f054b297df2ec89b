// The inline CSS of `<mj-style inline="inline">`, applied as mjml2html applies it (juice, with MJML's options),
// for a fraction of the work on the second and later editions of a build.
//
// juice runs every selector over the whole page: 2.6 ms for a 240-element edition, most of it matching. But
// when every selector only tests element names and attributes (classes, ids) through descendant and child
// combinators, what juice writes on an element depends on nothing but that element and its ancestors: their
// names and the attributes the selectors test, and the element's own style, width, height... (the attributes
// juice reads and writes). That is the element's signature. A page whose signatures have all been seen before
// gets, on each element, what juice wrote on the first element with the same signature; any unseen signature
// and juice runs on the whole page as usual, which also teaches it the new ones. The page is parsed and
// written back by juice's own code, so the bytes are juice's.
//
// That holds as long as juice never applies or skips a rule because of the page as a whole. Selectors with
// anything else (pseudo-classes, sibling combinators) look past the ancestors, so they always go through
// juice. So does a test of an attribute named like a property of every object (`[constructor^=f]`): on an
// element without it, the selector engine reads the inherited function and throws, and juice then skips the
// rule for the whole page. Counters and CSS variables go through juice too, to be safe: counters only feed
// pseudo-element content, which MJML's options leave out, and variables are looked up through ancestors, so
// neither seems to break the premise, but neither is worth the risk. test/render/fast/inline-css.test.ts compares
// the two ways.
import type { Cheerio, CssToken, DomNode, JuiceParts } from '../../library-internals.js';

/** What mjml2html passes to juice. */
const MJML_JUICE_OPTIONS = { applyStyleTags: false, insertPreservedExtraCss: false, removeStyleTags: false };
/** The attributes juice reads or writes on the element it styles. */
const WRITTEN = ['style', 'width', 'height', 'align', 'valign', 'bgcolor', 'background'];
const PLAIN_SELECTOR = new Set(['tag', 'universal', 'attribute', 'descendant', 'child']);
/** Plans kept (one per distinct stylesheet), and signatures kept per plan: enough for any real archive. */
export const MAX_PLANS = 16;
const MAX_SIGNATURES = 100_000;

export interface Plan {
  /** Whether an element's styles depend only on its signature. */
  bySignature: boolean;
  /** Attributes in a signature: those the selectors test, and WRITTEN. */
  attributes: Set<string>;
  ids: Map<string, number>;
  /** What juice left in the WRITTEN attributes of an element with this signature id, in attribute order. */
  written: Map<number, [string, string][]>;
}

const plans = new Map<string, Plan>();

/** How pages were styled since the process started: by juice itself, or from signatures (for tests and the benchmark). */
export const inlineCounts = { juice: 0, signatures: 0 };

export function inlineCssBySignature(parts: JuiceParts, html: string, css: string): string {
  return parts.load(html, { xmlMode: undefined }, ($) => inlineDocument(parts, $, css), [css]);
}

/** What juice.juiceDocument does with MJML's options, by signature where it can. */
function inlineDocument(parts: JuiceParts, $: Cheerio, css: string): Cheerio {
  const stylesheet = stylesheetOf(css);
  const plan = planFor(parts, stylesheet);
  if (!plan.bySignature) {
    dropDataEmbed($.root()[0]);
    inlineCounts.juice++;
    parts.client.inlineDocument($, stylesheet, juiceOptions(parts, css));
    return $;
  }
  const signed = signElements(plan, $.root()[0].children ?? [], 0);
  if (plan.ids.size > MAX_SIGNATURES) plans.delete(stylesheet); // relearned from the next page
  if (signed.unseen) {
    inlineCounts.juice++;
    parts.client.inlineDocument($, stylesheet, juiceOptions(parts, css));
    learnWritten(plan, signed);
  } else {
    inlineCounts.signatures++;
    applyWritten(plan, signed);
  }
  return $;
}

/** juiceDocument adds the page's own styles (none: applyStyleTags is off), then a newline, then the CSS. */
export const stylesheetOf = (css: string): string => `\n${css}`;

export const juiceOptions = (parts: JuiceParts, css: string): object =>
  parts.utils.getDefaultOptions({ ...MJML_JUICE_OPTIONS, extraCss: css });

export interface Signed {
  elements: { attribs: Record<string, string> }[];
  ids: number[];
  /** Whether any element has a signature juice has not styled yet. */
  unseen: boolean;
}

/**
 * The signature ids of these nodes' elements and all below them, in document order, `parent` being the id of
 * their parent. A loop with a stack of its own, not a recursion: a page may nest deeper than the call stack.
 */
export function signElements(
  plan: Plan,
  nodes: DomNode[],
  parent: number,
  signed: Signed = { elements: [], ids: [], unseen: false },
): Signed {
  const stack: { nodes: DomNode[]; next: number; parent: number }[] = [{ nodes, next: 0, parent }];
  while (stack.length > 0) {
    const level = stack[stack.length - 1]!;
    if (level.next === level.nodes.length) {
      stack.pop();
      continue;
    }
    const child = level.nodes[level.next++]!;
    if (!child.attribs) continue; // text, comments, CDATA
    if (child.name === 'style' && child.children?.length === 1) delete child.attribs['data-embed']; // as dropDataEmbed
    // the tested and written attributes the element has, in its order; a value is prefixed with its length,
    // so no value can pass for more than one attribute
    let signature = `${level.parent}<${child.name}`;
    for (const name in child.attribs) {
      if (plan.attributes.has(name))
        signature += ` ${name}=${child.attribs[name]!.length}:${child.attribs[name]}`;
    }
    let id = plan.ids.get(signature);
    if (id === undefined) plan.ids.set(signature, (id = plan.ids.size + 1));
    if (!plan.written.has(id)) signed.unseen = true;
    signed.elements.push(child as { attribs: Record<string, string> });
    signed.ids.push(id);
    if (child.children?.length) stack.push({ nodes: child.children, next: 0, parent: id });
  }
  return signed;
}

/** After juice styled the page: what it wrote on each signature not seen before. */
function learnWritten(plan: Plan, { elements, ids }: Signed): void {
  elements.forEach((element, i) => {
    if (!plan.written.has(ids[i]!))
      plan.written.set(
        ids[i]!,
        Object.entries(element.attribs).filter(([name]) => WRITTEN.includes(name)),
      );
  });
}

/** What juice wrote on each element's signature; an attribute the element has keeps its place, one juice
 * added goes last, in the order juice added it. */
export function applyWritten(plan: Plan, { elements, ids }: Signed): void {
  elements.forEach((element, i) => {
    for (const [name, value] of plan.written.get(ids[i]!)!) element.attribs[name] = value;
  });
}

/** juiceDocument's own first step (getStylesData): with MJML's options it only drops data-embed from each
 * <style> with exactly one child (it skips the others). A loop, not a recursion (see signElements). */
function dropDataEmbed(root: DomNode): void {
  const stack = [...(root.children ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.attribs) continue;
    if (node.name === 'style' && node.children?.length === 1) delete node.attribs['data-embed'];
    for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--) stack.push(node.children![i]!);
  }
}

export function planFor(parts: JuiceParts, stylesheet: string): Plan {
  let plan = plans.get(stylesheet);
  if (plan) {
    // last used goes last: the one dropped when a new stylesheet comes is the one used longest ago
    plans.delete(stylesheet);
    plans.set(stylesheet, plan);
    return plan;
  }
  const attributes = new Set(WRITTEN);
  let bySignature = !/counter-(reset|increment)|var\(/i.test(stylesheet);
  try {
    for (const [selector] of parts.utils.parseCSS(stylesheet)) {
      // juice skips a rule with :hover, :focus...: it styles nothing
      const parsed = Array.from(new parts.utils.Selector(selector).parsed());
      if (
        parsed.some((part) =>
          part.pseudos?.some((pseudo) => parts.client.ignoredPseudos.includes(pseudo.name)),
        )
      )
        continue;
      let tokens: CssToken[][];
      try {
        tokens = parts.parseSelector(selector);
      } catch {
        continue; // cheerio cannot read it either: juice skips the rule
      }
      for (const token of tokens.flat()) {
        if (!PLAIN_SELECTOR.has(token.type) || token.namespace != null) bySignature = false;
        else if (token.type === 'attribute' && token.name!.toLowerCase() in Object.prototype)
          bySignature = false; // see the top of this file
        else if (token.type === 'attribute') attributes.add(token.name!.toLowerCase());
      }
    }
  } catch {
    bySignature = false; // juice's own parse will say what is wrong
  }
  plan = { bySignature, attributes, ids: new Map(), written: new Map() };
  if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value!);
  plans.set(stylesheet, plan);
  return plan;
}
