// Text contrast against its background, from inline styles (what every client applies): WCAG AA asks
// 4.5:1 for body text and 3:1 for large text (24px, or 18.66px bold). Colours come from the nearest
// ancestor that sets them; unknown colours (images, gradients, CSS variables) are skipped, not guessed.
import { DomUtils } from 'htmlparser2';
import { rgb as contrastRatio } from 'wcag-contrast';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { backgroundColor, parseColor, toHex, type Rgb } from './colors.js';
import { ancestry, collapse, inlineStyle, isHiddenElement, NOT_TEXT, type HtmlElement } from './html.js';
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

export const contrastRule: Rule = (built) => {
  const findings = new Map<string, Finding>();
  for (const node of DomUtils.filter((n) => DomUtils.isText(n) && n.data.trim() !== '', built.dom.children)) {
    const chain = ancestry(node.parent as HtmlElement);
    if (chain.some((e) => NOT_TEXT.has(e.name) || isHiddenElement(e))) continue;
    const color =
      nearest(chain, (e) =>
        parseColor(inlineStyle(e).get('color') ?? (e.name === 'font' ? e.attribs.color : undefined)),
      ) ?? BLACK;
    const background = nearest(chain, backgroundOf) ?? WHITE;
    if (background === 'image') continue; // text over an image: its contrast is not in the markup
    const ratio = contrastRatio(color, background);
    const required = isLarge(chain) ? 3 : 4.5;
    if (ratio >= required) continue;
    const key = `${toHex(color)} ${toHex(background)} ${required}`;
    const finding = findings.get(key) ?? {
      color: toHex(color),
      background: toHex(background),
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

function backgroundOf(element: HtmlElement): Rgb | 'image' | undefined {
  const style = inlineStyle(element);
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

/** The first value an element of the chain (nearest first) gives. */
function nearest<T>(chain: HtmlElement[], pick: (e: HtmlElement) => T | undefined): T | undefined {
  for (const element of chain) {
    const found = pick(element);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** WCAG "large text": at least 24px, or 18.66px (14pt) and bold. */
function isLarge(chain: HtmlElement[]): boolean {
  const size = nearest(chain, (e) => pixels(inlineStyle(e).get('font-size'))) ?? 16;
  const bold =
    nearest(chain, (e) => {
      const weight = inlineStyle(e).get('font-weight');
      if (weight) return /bold|bolder/.test(weight) || Number(weight) >= 600;
      return BOLD_TAGS.has(e.name) ? true : undefined;
    }) ?? false;
  return size >= 24 || (bold && size >= 18.66);
}

function pixels(value: string | undefined): number | undefined {
  const match = /^([\d.]+)(px|pt)$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return match[2] === 'pt' ? Number(match[1]) * (4 / 3) : Number(match[1]);
}
