// Client support from caniemail data (@jsx-email/doiuse-email). Raw, it reports hundreds of findings on
// any MJML output, most from MJML's own skeleton, which MJML backs with fallbacks on purpose. So each run
// compiles, once per distinct head, a baseline: the same <mjml> and <mj-head> with a body of empty MJML
// components (an empty mj-body alone would leave MJML's section and column CSS unsubtracted), and only
// the feature/client pairs the baseline does not already produce are reported. Hidden elements (the
// preheader) are left out: they stack hiding tricks precisely because each client honours a different one.
// The data is loaded on first use: `check` only, never `build`.
//
// caniemail's checks look at one element (its name and attributes) or one stylesheet at a time, never at
// text or nesting (doiuse-email's checkHtmlNode and checkStylesheet). So a page's findings are the union of
// those of its distinct pieces: each start tag, and each <style> with its CSS. Pieces repeat, within an
// edition (every paragraph of an article is styled alike) and across editions (the template's), and each is
// checked once a run: about three times less work than checking whole pages (test/checks/client-support.test.ts
// compares the two). Two start tags that differ only in attribute values caniemail never reads are one piece
// to it (`pieceKey`): every link and image of an article would otherwise be a piece of its own.
import { DomUtils } from 'htmlparser2';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { mjmlCompiler } from '../render/render-path.js';
import { isHiddenElement, parseHtml, type HtmlDocument, type HtmlElement } from './html.js';
import { locate } from './locate.js';
import type { BuiltEdition } from './rule.js';

export const DEFAULT_CLIENTS = ['gmail.*', 'outlook.*', 'apple-mail.*', 'yahoo.*'];

const SKELETON = `<mj-body><mj-wrapper><mj-section><mj-column><mj-text></mj-text><mj-image src="https://example.invalid/i.png" alt="" />
<mj-button href="https://example.invalid/">b</mj-button><mj-divider /><mj-spacer /><mj-table></mj-table><mj-social></mj-social></mj-column>
<mj-column></mj-column></mj-section></mj-wrapper><mj-section><mj-group><mj-column></mj-column><mj-column></mj-column></mj-group></mj-section></mj-body>`;

type DoIUseEmail = typeof import('@jsx-email/doiuse-email').doIUseEmail;
let loaded: Promise<DoIUseEmail> | undefined;
const doIUseEmail = () =>
  (loaded ??= import('@jsx-email/doiuse-email').then((library) => library.doIUseEmail));
const baselines = new Map<string, Promise<Set<string>>>();

/** Throws with the library's message when a client name matches no client (a usage error). */
export async function validateClients(clients: string[]): Promise<void> {
  const { DoIUseEmail } = await import('@jsx-email/doiuse-email');
  new DoIUseEmail({ emailClients: clients });
}

export async function clientSupport(
  built: BuiltEdition,
  clients: string[] = DEFAULT_CLIENTS,
): Promise<Diagnostic[]> {
  const baseline = await baselineFor(built.mjml, clients);
  const page = await pageFailures(built.dom, clients);
  const unsupported = new Map<string, string[]>();
  for (const [feature, client] of page.failures) {
    if (baseline.has(`${feature}\0${client}`)) continue;
    const list = unsupported.get(feature) ?? [];
    if (!list.includes(client)) list.push(client);
    unsupported.set(feature, list);
  }
  return [
    ...page.invalidCss.map(({ where, css, message }) =>
      diag(
        'CSS_INVALID',
        'warning',
        `${where} does not parse (${message}): ${(firstLine(css) ?? '').slice(0, 60)}`,
        locate(built, firstLine(css)),
        'fix the CSS in the template: Gmail drops a <style> block with an error in it, and every rule in it',
      ),
    ),
    ...[...unsupported].map(([feature, failing]) =>
      diag(
        'CLIENT_UNSUPPORTED',
        'warning',
        `${feature} is not supported by ${failing.join(', ')}`,
        locate(built, cssNeedle(feature)),
        'give it a fallback those clients understand, or avoid it; details at https://www.caniemail.com/',
      ),
    ),
  ];
}

const firstLine = (css: string) => css.trim().split('\n')[0].trim() || undefined;

/** What each piece fails, or why its CSS does not parse, by clients and piece key; cleared when large (a long
 *  preview session). */
const pieceFailures = new Map<string, readonly [string, string][] | { error: unknown }>();
const MAX_PIECES = 50_000;

interface PageFailures {
  /** [feature, client] for every "not supported" finding on the page, but in hidden elements (the preheader). */
  failures: [string, string][];
  /** Stylesheets and style attributes that do not parse: doiuse-email throws on them. */
  invalidCss: { where: string; css: string; message: string }[];
}

export async function pageFailures(dom: HtmlDocument, clients: string[]): Promise<PageFailures> {
  const check = await doIUseEmail();
  if (pieceFailures.size > MAX_PIECES) pieceFailures.clear();
  const list = clients.join(',');
  const failedBy = (key: string, node: PieceNode) => {
    let failed = pieceFailures.get(`${list}\0${key}`);
    if (!failed) {
      try {
        failed = failures(check, pieceText(node), clients);
      } catch (error) {
        failed = { error };
      }
      pieceFailures.set(`${list}\0${key}`, failed);
    }
    return failed;
  };
  // each key once (its piece is written out only when not checked yet), stylesheets first, then elements in
  // page order: the order doiuse-email reports in
  const byKey = new Map<string, PieceNode>();
  for (const node of visiblePieces(dom.children)) {
    const key = pieceKey(node);
    if (!byKey.has(key)) byKey.set(key, node);
  }
  const found = new Map<string, [string, string]>();
  let unparsable = false;
  for (const [key, node] of stylesheetsFirst([...byKey])) {
    const failed = failedBy(key, node);
    if ('error' in failed) unparsable = true;
    else for (const pair of failed) found.set(pair.join('\0'), pair);
  }
  if (!unparsable) return { failures: [...found.values()], invalidCss: [] };
  // CSS that does not parse is reported once for each distinct piece that holds it, in the order of pieces
  const pieces = new Map<string, PieceNode>();
  for (const node of visiblePieces(dom.children)) {
    const piece = pieceText(node);
    if (!pieces.has(piece)) pieces.set(piece, node);
  }
  const invalidCss: PageFailures['invalidCss'] = [];
  for (const [piece, node] of stylesheetsFirst([...pieces])) {
    const failed = failedBy(pieceKey(node), node);
    if ('error' in failed) invalidCss.push(unparsableCss(piece, failed.error));
  }
  return { failures: [...found.values()], invalidCss };
}

const stylesheetsFirst = <T>(pieces: [string, T][]): [string, T][] =>
  pieces.sort(([a], [b]) => Number(b.startsWith('<style>')) - Number(a.startsWith('<style>')));

/** The CSS of a piece doiuse-email could not parse: a stylesheet, or an element's style attribute. */
function unparsableCss(piece: string, error: unknown): PageFailures['invalidCss'][number] {
  const message = String((error as Error).message).replace(/^(undefined)?:/, 'line ');
  if (piece.startsWith('<style>'))
    return { where: 'a stylesheet', css: piece.slice('<style>'.length, -'</style>'.length), message };
  const style = / style="([^"]*)"/.exec(piece)?.[1] ?? '';
  return { where: 'an inline style', css: style.replace(/&quot;/g, '"').replace(/&amp;/g, '&'), message };
}

// elements htmlparser2 never closes: a closing tag would make another element (</br> is a <br>)
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const WORD = /^\w+$/;

/**
 * What caniemail can tell of an attribute's value (doiuse-email 1.0's checkHtmlNode and the titles it matches):
 * a style="" is read as CSS; any other value only through "<tag name="word"> element" features, which compare
 * it whole with a word, and two patterns of links, `href` starting with "#" (local anchors) or "mailto:". So a
 * value that is no word (a URL, an alt text) is known by those two starts alone.
 */
function valueKey(name: string, value: string): string {
  if (name === 'style' || WORD.test(value)) return value;
  return value.startsWith('#') ? '#' : value.startsWith('mailto:') ? 'mailto:' : ' ';
}

/** A visible element, or a stylesheet: what doiuse-email checks one at a time. */
type PieceNode = HtmlElement;

/** A stylesheet as a piece: its first text. */
const stylesheet = (node: PieceNode): string => {
  const css = node.children[0];
  return `<style>${css && DomUtils.isText(css) ? css.data : ''}</style>`;
};

/** The piece doiuse-email checks: a stylesheet, or an element's start tag, closed at once. */
function pieceText(node: PieceNode): string {
  if (node.type === 'style') return stylesheet(node);
  let attributes = '';
  for (const name in node.attribs) attributes += ` ${name}="${attribute(node.attribs[name]!)}"`;
  return `<${node.name}${attributes}>${VOID.has(node.name) ? '' : `</${node.name}>`}`;
}

/** The piece as caniemail tells it from others (`valueKey`): a stylesheet whole, a start tag without the
 *  values it never reads. */
function pieceKey(node: PieceNode): string {
  if (node.type === 'style') return stylesheet(node);
  let key = `<${node.name}`;
  for (const name in node.attribs) key += ` ${name}="${attribute(valueKey(name, node.attribs[name]!))}"`;
  return key;
}

/**
 * Each visible element and each stylesheet, the way doiuse-email walks the page. Elements count only through a
 * chain of ordinary elements from the top (not inside a <script>, which htmlparser2 may give children);
 * stylesheets count anywhere, each by its first text, when it has one.
 */
function* visiblePieces(nodes: HtmlDocument['children'], elements = true): Generator<PieceNode> {
  // a loop with a stack of its own, in document order: a page may nest deeper than the call stack
  const stack: { node: HtmlDocument['children'][number]; elements: boolean }[] = [];
  const push = (children: HtmlDocument['children'], inElements: boolean) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, elements: inElements });
  };
  push(nodes, elements);
  while (stack.length > 0) {
    const { node, elements: counted } = stack.pop()!;
    if (!DomUtils.isTag(node)) continue;
    if (isHiddenElement(node as HtmlElement)) continue;
    if (node.type === 'style') {
      const css = node.children[0];
      if (css && DomUtils.isText(css)) yield node as HtmlElement;
      continue;
    }
    const element = counted && node.type === 'tag';
    if (element) yield node as HtmlElement;
    push(node.children, element);
  }
}

/** [feature, client] for every "not supported" finding in a page (partial support is MJML's daily bread: not reported). */
export async function htmlFailures(html: string, clients: string[]): Promise<[string, string][]> {
  return failures(await doIUseEmail(), html, clients);
}

function failures(check: DoIUseEmail, html: string, clients: string[]): [string, string][] {
  const result = check(html, { emailClients: clients });
  const errors = result.success ? [] : result.errors;
  return errors.flatMap((message) => {
    const match = /^(.+) is not supported by `([^`]+)`$/.exec(message);
    return match ? [[match[1], match[2]] as [string, string]] : [];
  });
}

function baselineFor(mjml: string, clients: string[]): Promise<Set<string>> {
  const open = /<mjml\b[^>]*>/.exec(mjml)?.[0] ?? '<mjml>';
  const head = (/<mj-head>[\s\S]*<\/mj-head>/.exec(mjml)?.[0] ?? '').replace(
    /<mj-(title|preview)>[\s\S]*?<\/mj-\1>/g,
    '<mj-$1>baseline</mj-$1>',
  ); // same skeleton, any subject
  const key = `${clients.join(',')}\0${open}\0${head}`;
  let baseline = baselines.get(key);
  if (!baseline) {
    baseline = (async () => {
      const { html } = await (
        await mjmlCompiler()
      )(`${open}${head}${SKELETON}</mjml>`, { validationLevel: 'skip', fonts: {}, ignoreIncludes: true });
      // the whole page, hidden parts and all (MJML hides its preview text); piece by piece if its CSS does not parse
      const found = await htmlFailures(html, clients).catch(
        async () => (await pageFailures(parseHtml(html), clients)).failures,
      );
      return new Set(found.map(([feature, client]) => `${feature}\0${client}`));
    })();
    baselines.set(key, baseline);
  }
  return baseline;
}

/** "`white-space`" -> "white-space:", to find the template that writes it; other features are not searchable. */
function cssNeedle(feature: string): string | undefined {
  const property = /^`([a-z-]+)(:[a-z-]+)?`$/.exec(feature);
  return property ? `${property[1]}:` : undefined;
}
