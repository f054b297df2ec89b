// Pieces of MJML that the skeleton compile (skeleton.ts) uses on their own: its XML parser, and the
// juice and Outlook clean-up that mjml2html runs after rendering. They are required from mjml-core's own
// dependencies, not from ours, so they are exactly the copies mjml2html uses: the output stays the same to
// the byte, and none of them loads the rest of MJML (which takes a third of a second). They load lean, as
// MJML does (library-internals.ts).
import { createRequire } from 'node:module';
import { fillHoles, type MjmlNode } from './skeleton.js';
import { requireLean } from '../../library-internals.js';
import { inlineCssBySignature, type JuiceParts } from './inline-css.js';
import { inlineHoles } from './inline-holes.js';

type Parse = (mjml: string, options: object) => MjmlNode;

const ourRequire = createRequire(import.meta.url);
let coreRequire: NodeRequire | undefined;
/** require() as mjml-core itself would resolve. */
const mjmlCoreRequire = (): NodeRequire =>
  (coreRequire ??= createRequire(createRequire(ourRequire.resolve('mjml')).resolve('mjml-core')));
/** A module as mjml-core itself would load it, lean. */
function fromMjmlCore(id: string): unknown {
  return requireLean(() => mjmlCoreRequire()(id));
}

/** Components whose content MJML's parser keeps as raw text (checked against MJML's registry in a test). */
export const ENDING_TAGS = [
  'mj-accordion-text',
  'mj-accordion-title',
  'mj-breakpoint',
  'mj-button',
  'mj-carousel-image',
  'mj-navbar-link',
  'mj-preview',
  'mj-raw',
  'mj-social-element',
  'mj-style',
  'mj-table',
  'mj-text',
  'mj-title',
];
// the parser only asks each component whether it is an ending tag, and its name
const PARSER_COMPONENTS = Object.fromEntries(
  ENDING_TAGS.map((name) => [name, { endingTag: true, getTagName: () => name }]),
);

let parser: Parse | undefined;
/** MJML's parser, with the options mjml2html gives it for newsletter's compile options (render/mjml.ts). */
export function parseMjml(source: string): MjmlNode {
  parser ??= fromMjmlCore('mjml-parser-xml') as Parse;
  return parser(source, {
    keepComments: false,
    components: PARSER_COMPONENTS,
    filePath: '.',
    actualPath: '.',
    preprocessors: [],
    ignoreIncludes: true,
  });
}

let juice: JuiceParts | undefined;
let mergeConditionals: ((html: string) => string) | undefined;
/** What mjml2html does after its skeleton when there is inline CSS: juice with MJML's options (see inline-css.ts),
 * then merge Outlook conditionals. */
export function inlineCssLikeMjml(html: string, css: string): string {
  preloadParts();
  return mergeConditionals!(inlineCssBySignature(juice!, html, css));
}

/** The same for a compiled skeleton and what fills its holes, without parsing the skeleton again when it can
 * (inline-holes.ts). */
export function inlineCssInHoles(skeletonHtml: string, values: readonly string[], css: string): string {
  preloadParts();
  return mergeConditionals!(
    inlineHoles(juice!, skeletonHtml, values, css) ??
      inlineCssBySignature(juice!, fillHoles(skeletonHtml, values), css),
  );
}

/** juice's pieces, from the files its main module loads (not the main module itself, which also loads its
 * resource fetching), and the cheerio it parses with (cheerio/slim, as juice/lib/cheerio loads it lean) with
 * that cheerio's selector parser. */
function juiceParts(): JuiceParts {
  const load = fromMjmlCore('juice/lib/cheerio') as JuiceParts['load'];
  const fromJuice = createRequire(mjmlCoreRequire().resolve('juice/lib/cheerio'));
  const fromCheerio = createRequire(
    createRequire(fromJuice.resolve('cheerio/slim')).resolve('cheerio-select'),
  );
  const cssWhat = fromCheerio('css-what') as { parse: JuiceParts['parseSelector'] };
  const cheerio = requireLean(() => fromJuice('cheerio/slim')) as JuiceParts['cheerio'];
  return {
    load,
    cheerio,
    client: fromMjmlCore('juice/client') as JuiceParts['client'],
    utils: fromMjmlCore('juice/lib/utils') as JuiceParts['utils'],
    parseSelector: cssWhat.parse,
  };
}

/** Loads the parser and juice now, so that a thread can do it ahead of its first compile. */
export function preloadParts(): void {
  parser ??= fromMjmlCore('mjml-parser-xml') as Parse;
  juice ??= juiceParts();
  mergeConditionals ??= fromMjmlCore('./helpers/mergeOutlookConditionnals') as (html: string) => string;
}

/** The installed MJML version: compiled skeletons kept on disk belong to it. */
export const mjmlVersion = (): string => (ourRequire('mjml/package.json') as { version: string }).version;
