// Text contrast against its background, from inline styles (what every client applies): WCAG AA asks
// 4.5:1 for body text and 3:1 for large text (24px, or 18.66px bold). Colours come from the nearest
// ancestor that sets them; unknown colours (images, gradients, CSS variables) are skipped, not guessed.
import { DomUtils } from 'htmlparser2';
import { rgb as contrastRatio } from 'wcag-contrast';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { backgroundColor, parseColor, toHex, type Rgb } from './colors.js';
import { collapse, inlineStyle, isHiddenElement, NOT_TEXT, type HtmlElement, type HtmlNode } from './html.js';
import { layoutFile, locate } from './locate.js';
import type { Rule } from './rule.js';

const BOLD_TAGS = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']);

interface Finding {
  color: string;
  background: string;
  ratio: number;
  required: number;
  count: number;
  sample: string;
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** What the text right inside an element inherits: a text node's colours and size are its parent's. */
interface Inherited {
  /** In the head, a style or script, or hidden: not text a reader sees. */
  unseen: boolean;
  color: Rgb | undefined;
  background: Rgb | 'image' | undefined;
  size: number | undefined;
  bold: boolean | undefined;
  /** The contrast of its text and what WCAG asks of it, once worked out. */
  verdict?: { color: string; background: string; ratio: number; required: number; key: string } | null;
}

export const contrastRule: Rule = (built) => {
  const findings = new Map<string, Finding>();
  // each element worked out once, from its parent's: the text nodes of a page share most of their ancestors
  // (null: the document itself, for text outside any element)
  const inherited = new Map<HtmlElement | null, Inherited>([
    [null, { unseen: false, color: undefined, background: undefined, size: undefined, bold: undefined }],
  ]);
  for (const node of DomUtils.filter(
    (n) => DomUtils.isText(n) && NOT_SPACE.test(n.data),
    built.dom.children,
  )) {
    const verdict = verdictOf(inheritedBy(node.parent, inherited));
    if (!verdict) continue;
    const { color, background, ratio, required, key } = verdict;
    const finding = findings.get(key) ?? {
      color,
      background,
      ratio,
      required,
      count: 0,
      sample: collapse((node as { data: string }).data),
    };
    finding.count++;
    findings.set(key, finding);
  }
  return [...findings.values()].map((f): Diagnostic =>
    diag(
      'A11Y_CONTRAST',
      'error',
      `text ${f.color} on ${f.background} has a contrast of ${f.ratio.toFixed(2)}:1, under WCAG AA's ${f.required}:1 (${f.count} place${f.count === 1 ? '' : 's'}, e.g. "${f.sample.slice(0, 40)}")`,
      locate(built, [f.color, f.color.toUpperCase()], layoutFile(built)),
      'darken the text or lighten the background (colors in newsletter.config.json)',
    ),
  );
};

const NOT_SPACE = /\S/;

/** The contrast of the text in an element, when it is under what WCAG asks; null when it is not, or unknown. */
function verdictOf(state: Inherited): Inherited['verdict'] {
  if (state.verdict !== undefined) return state.verdict;
  // text over an image: its contrast is not in the markup
  if (state.unseen || state.background === 'image') return (state.verdict = null);
  const ratio = contrastRatio(state.color ?? BLACK, state.background ?? WHITE);
  const size = state.size ?? 16;
  const required = size >= 24 || ((state.bold ?? false) && size >= 18.66) ? 3 : 4.5; // WCAG "large text"
  if (ratio >= required) return (state.verdict = null);
  const color = toHex(state.color ?? BLACK);
  const background = toHex(state.background ?? WHITE);
  return (state.verdict = { color, background, ratio, required, key: `${color} ${background} ${required}` });
}

/** What an element gives the text inside it (the nearest ancestor that sets each thing wins). */
function inheritedBy(node: HtmlNode | null, known: Map<HtmlElement | null, Inherited>): Inherited {
  // the chain up to the nearest element already worked out (or the document), then down from there: a loop,
  // as a page may nest deeper than the call stack
  const chain: HtmlElement[] = [];
  let state = known.get(null)!;
  for (let at = node; at && DomUtils.isTag(at); at = at.parent as HtmlNode | null) {
    const found = known.get(at);
    if (found) {
      state = found;
      break;
    }
    chain.push(at);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const element = chain[i]!;
    const own = ownOf(element);
    state = {
      unseen: state.unseen || own.unseen,
      color: own.color ?? state.color,
      background: own.background ?? state.background,
      size: own.size ?? state.size,
      bold: own.bold ?? state.bold,
    };
    known.set(element, state);
  }
  return state;
}

type Own = Omit<Inherited, 'verdict'>;

/** What an element sets itself, by what it is set from: its name, style and colour attributes. Most elements
 *  of a page are the template's, alike in every edition, and an article's paragraphs are styled alike. */
const owns = new Map<string, Own>();
const MAX_OWNS = 20_000;

function ownOf(element: HtmlElement): Own {
  const { name, attribs } = element;
  const key = `${name}\0${attribs.style ?? ''}\0${name === 'font' ? (attribs.color ?? '') : ''}\0${attribs.background ?? ''}\0${attribs.bgcolor ?? ''}`;
  let own = owns.get(key);
  if (own) return own;
  if (owns.size >= MAX_OWNS) owns.clear();
  const style = inlineStyle(element);
  own = {
    unseen: NOT_TEXT.has(name) || isHiddenElement(element),
    color: parseColor(style.get('color') ?? (name === 'font' ? attribs.color : undefined)),
    background: backgroundOf(element, style),
    size: pixels(style.get('font-size')),
    bold: boldness(element, style),
  };
  owns.set(key, own);
  return own;
}

function backgroundOf(element: HtmlElement, style: ReadonlyMap<string, string>): Rgb | 'image' | undefined {
  if (
    /url\(/i.test(style.get('background') ?? '') ||
    style.has('background-image') ||
    element.attribs.background
  )
    return 'image';
  return (
    backgroundColor(style.get('background-color') ?? style.get('background')) ??
    parseColor(element.attribs.bgcolor)
  );
}

function boldness(element: HtmlElement, style: ReadonlyMap<string, string>): boolean | undefined {
  const weight = style.get('font-weight');
  if (weight) return /bold|bolder/.test(weight) || Number(weight) >= 600;
  return BOLD_TAGS.has(element.name) ? true : undefined;
}

function pixels(value: string | undefined): number | undefined {
  const match = /^([\d.]+)(px|pt)$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return match[2] === 'pt' ? Number(match[1]) * (4 / 3) : Number(match[1]);
}
