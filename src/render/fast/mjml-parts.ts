// Pieces of MJML that the skeleton compile (skeleton.ts) uses on their own: its XML parser, and the juice
// and Outlook clean-up that mjml2html runs after rendering. They are MJML's own copies, taken from
// mjml-core's folder (library-internals.ts), so the output stays the same to the byte, and none of them
// loads the rest of MJML (which takes a third of a second).
import { createRequire } from 'node:module';
import {
  juiceParts,
  mjmlParser,
  outlookConditionalsMerger,
  type JuiceParts,
  type MjmlParse,
} from '../../library-internals.js';
import type { MjmlNode } from '../mjml-options.js';
import { fillHoles } from './skeleton.js';
import { inlineCssBySignature } from './inline-css.js';
import { inlineHoles } from './inline-holes.js';

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

let parser: MjmlParse | undefined;
/** MJML's parser, with the options mjml2html gives it for newsletter's compile options (mjml-options.ts). */
export function parseMjml(source: string): MjmlNode {
  parser ??= mjmlParser();
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

/** Loads the parser and juice now, so that a thread can do it ahead of its first compile. */
export function preloadParts(): void {
  parser ??= mjmlParser();
  juice ??= juiceParts();
  mergeConditionals ??= outlookConditionalsMerger();
}

/** The installed MJML version: compiled skeletons kept on disk belong to it. */
export const mjmlVersion = (): string =>
  (createRequire(import.meta.url)('mjml/package.json') as { version: string }).version;
