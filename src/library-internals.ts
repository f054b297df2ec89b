// Every place newsletter reaches into another library's private internals: what is not the library's
// published interface, and so may change in any release without a word. They are all here, so that a reader
// sees them at once, and test/library-internals.test.ts checks each against the installed versions: when a
// library changes under one, that test fails and names the library, its version and what no longer holds.
//
// - Node's module loader (Module._load): MJML is required lean, without what it loads at start but
//   newsletter never calls (requireLean); lodash's fp converter (lodash/fp/_baseConvert), for the three
//   lodash/fp methods MJML's parser calls.
// - MJML's own copies of its XML parser, of juice's inner files and of one of mjml-core's helpers, required
//   from mjml-core's folder: the fast path (render/fast/) uses them on their own, exactly as mjml2html does.
// - nodemailer: the MimeNode fields its build() looks at, and its quoted-printable encoder (lib/qp), for the
//   .eml written in one pass (render/fast/mime-one-pass.ts); SMTPConnection's list of the extensions a server
//   offered, for send (send/smtp.ts).
//
// All but the last serve only the fast path: the reference path (render/reference.ts) uses none of them.
import { createRequire } from 'node:module';
import type MimeNode from 'nodemailer/lib/mime-node';
import * as qp from 'nodemailer/lib/qp';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { MjmlNode } from './render/mjml-options.js';

// ---- Node: Module._load ----------------------------------------------------------------------------------

// Requires MJML (or a piece of it) without the libraries it loads at start but newsletter's compile never
// calls: a third of its load time. Each is stood in for by an object that loads the real module the first
// time it is used, so a document or option that does need one still gets it, only later. Only the requests
// listed below, from the files listed below, are touched (test/render/fast/mjml-load.test.ts).
interface StandIn {
  /** Who requires it: the stand-in is made only for this file's request. */
  from: RegExp;
  request: string;
  /** Load this module instead: for a lighter entry point of the same library that serves the same calls. */
  instead?: string;
  /** Whether the real module sets `__esModule`: Babel's interop asks at once, and must not load it to know. */
  esModule: boolean;
  /** The real module is a function: so is the stand-in, and calling it calls the real one. */
  callable?: boolean;
  /**
   * For lodash/fp: the methods the requiring file calls, each converted on its own, with lodash/fp's own
   * converter, from the lodash the file loads anyway. lodash/fp converts all three hundred from a second copy
   * of lodash (35 ms, a tenth of what the MJML thread loads). Any other method comes from lodash/fp itself.
   */
  convert?: readonly string[];
}

const MJML_CORE = /[\\/]mjml-core[\\/]lib[\\/]index\.js$/;
export const STAND_INS: readonly StandIn[] = [
  // mj-html-attributes only
  { from: MJML_CORE, request: 'cheerio', esModule: true },
  // `beautify: true` only (js-beautify)
  { from: MJML_CORE, request: './helpers/formatHtml', esModule: true },
  // `minify: true` only (htmlnano, PostCSS, cssnano)
  { from: MJML_CORE, request: 'htmlnano', esModule: false, callable: true },
  { from: MJML_CORE, request: 'cssnano-preset-lite', esModule: false, callable: true },
  // juice's juiceResources() only, which fetches linked CSS and images
  { from: /[\\/]juice[\\/]index\.js$/, request: 'web-resource-inliner', esModule: false },
  // juice calls only cheerio.load, always with `xml` options: htmlparser2 and dom-serializer, which is all
  // that cheerio/slim is. The full entry also loads parse5, undici and encoding sniffing, for fetching pages.
  {
    from: /[\\/]juice[\\/]lib[\\/]cheerio\.js$/,
    request: 'cheerio',
    instead: 'cheerio/slim',
    esModule: true,
  },
  // MJML's parser composes its list of ending tags with lodash/fp (and runs preprocessors through fp.flow)
  {
    from: /[\\/]mjml-parser-xml[\\/]lib[\\/]index\.js$/,
    request: 'lodash/fp',
    esModule: false,
    callable: true,
    convert: ['flow', 'filter', 'map'],
  },
];

type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;
const Module = createRequire(import.meta.url)('node:module') as { _load: Load };

/** Runs `load` (synchronous requires) with the stand-ins in place; they stay in what it loaded. */
export function requireLean<T>(load: () => T): T {
  const original = Module._load;
  Module._load = function (this: unknown, request, parent, isMain) {
    const standIn = STAND_INS.find((s) => s.request === request && s.from.test(parent?.filename ?? ''));
    if (!standIn) return original.call(this, request, parent, isMain);
    if (standIn.instead) return original.call(this, standIn.instead, parent, isMain);
    let real: object | undefined;
    const module = () => (real ??= original.call(this, request, parent, isMain) as object);
    const converted = standIn.convert
      ? convertLodashFp(standIn.convert, (id) => original.call(this, id, parent, isMain))
      : new Map<PropertyKey, unknown>();
    return new Proxy(standIn.callable ? () => undefined : {}, {
      get: (_, key) =>
        key === '__esModule'
          ? standIn.esModule || undefined
          : converted.has(key)
            ? converted.get(key)
            : Reflect.get(module(), key),
      has: (_, key) => converted.has(key) || Reflect.has(module(), key),
      apply: (_, self, args) => Reflect.apply(module() as (...a: unknown[]) => unknown, self, args),
    });
  };
  try {
    return load();
  } finally {
    Module._load = original;
  }
}

/** lodash's own converter to its fp form (lodash/fp/_baseConvert, what lodash/fp and its one-method files use). */
type BaseConvert = (lodash: object, name: string, method: unknown) => unknown;

/** The lodash/fp form of each of `names`, converted from lodash as lodash/fp converts it, with its defaults. */
export function convertLodashFp(
  names: readonly string[],
  load: (id: string) => unknown,
): Map<PropertyKey, unknown> {
  const lodash = load('lodash') as Record<string, unknown>;
  const baseConvert = load('lodash/fp/_baseConvert') as BaseConvert;
  return new Map(names.map((name) => [name, baseConvert(lodash, name, lodash[name])]));
}

// ---- MJML: its parser, juice's inner files and a helper, from mjml-core's folder ---------------------------

// Required from mjml-core's own dependencies, not from ours, so they are exactly the copies mjml2html uses: the
// output stays the same to the byte, and none of them loads the rest of MJML. They load lean (requireLean).

export type MjmlParse = (mjml: string, options: object) => MjmlNode;

const ourRequire = createRequire(import.meta.url);
let coreRequire: NodeRequire | undefined;
/** require() as mjml-core itself would resolve. */
export const mjmlCoreRequire = (): NodeRequire =>
  (coreRequire ??= createRequire(createRequire(ourRequire.resolve('mjml')).resolve('mjml-core')));
/** A module as mjml-core itself would load it, lean. */
const fromMjmlCore = (id: string): unknown => requireLean(() => mjmlCoreRequire()(id));

/** MJML's XML parser (mjml-parser-xml), the one mjml2html parses with. */
export const mjmlParser = (): MjmlParse => fromMjmlCore('mjml-parser-xml') as MjmlParse;

/** mjml-core's helper that merges adjacent Outlook conditional comments, which mjml2html runs last. */
export const outlookConditionalsMerger = (): ((html: string) => string) =>
  fromMjmlCore('./helpers/mergeOutlookConditionnals') as (html: string) => string;

/** juice/lib/cheerio's load: parses a page (code blocks set aside), calls back, writes it out. */
type JuiceLoad = (
  html: string,
  options: { xmlMode: undefined },
  callback: ($: Cheerio, css?: string) => Cheerio,
  extra: string[],
) => string;
export interface Cheerio {
  root(): { 0: DomNode };
  /** The nodes written out as the whole page would write them. */
  html(nodes: DomNode[]): string;
}
/** A node of the parsed page (domhandler's): elements have attributes. */
export type DomNode = { children?: DomNode[]; attribs?: Record<string, string>; name?: string };
interface JuiceClient {
  inlineDocument($: Cheerio, css: string, options: object): void;
  ignoredPseudos: string[];
}
interface JuiceUtils {
  parseCSS(css: string): [string, unknown][];
  Selector: new (text: string) => { parsed(): ArrayLike<{ pseudos?: { name: string }[] }> };
  getDefaultOptions(options: object): object;
}
export type CssToken = { type: string; name?: string; namespace?: string | null };
export interface JuiceParts {
  client: JuiceClient;
  /** juice/lib/cheerio: parses a page, calls back, writes it out. */
  load: JuiceLoad;
  /** The cheerio it parses with. */
  cheerio: { load(html: string, options: object): Cheerio };
  utils: JuiceUtils;
  /** css-what's parse, as cheerio's selector engine reads selectors. */
  parseSelector: (selector: string) => CssToken[][];
}

/** juice's pieces, from the files its main module loads (not the main module itself, which also loads its
 * resource fetching), and the cheerio it parses with (cheerio/slim, as juice/lib/cheerio loads it lean) with
 * that cheerio's selector parser. */
export function juiceParts(): JuiceParts {
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

// ---- nodemailer: MimeNode's fields, its quoted-printable encoder, SMTPConnection's extensions -------------

/** The fields of a MimeNode that its build() also looks at. */
interface MimeNodeInternals {
  _raw?: unknown;
  _transforms?: unknown[];
  _processFuncs?: unknown[];
  newline?: unknown;
}

/** Whether build() would do more with this node than write out its headers, content and children: a raw
 * message (setRaw), or on the root, stream transforms, process functions or a line-ending conversion. */
export function buildDoesMore(node: MimeNode, root: boolean): boolean {
  const internals = node as unknown as MimeNodeInternals;
  if (internals._raw !== undefined && internals._raw !== false) return true;
  return (
    root && Boolean(internals._transforms?.length || internals._processFuncs?.length || internals.newline)
  );
}

const QP_LINE_LENGTH = 76; // qp.Encoder's default, which build() uses
/** qp.Encoder encodes in slices of this many bytes (its ENCODE_SLICE_SIZE) and wraps lines across them. */
export const QP_SLICE_BYTES = 64 * 1024;

/**
 * What qp.Encoder, as build() runs it, makes of a part that fits one of its slices. It holds back the spaces
 * and tabs the input ends with until it knows nothing follows, so it encodes and wraps the rest first, keeps
 * that output's last line open, and then wraps that line with the encoded whitespace.
 */
export function quotedPrintable(content: string): string {
  let end = content.length;
  while (end > 0 && (content[end - 1] === ' ' || content[end - 1] === '\t')) end--;
  const wrapped = qp.wrap(qp.encode(content.slice(0, end)), QP_LINE_LENGTH);
  if (end === content.length) return wrapped;
  const lastLine = wrapped.lastIndexOf('\n') + 1;
  return (
    wrapped.slice(0, lastLine) +
    qp.wrap(wrapped.slice(lastLine) + qp.encode(content.slice(end)), QP_LINE_LENGTH)
  );
}

/** The extensions the server named in its EHLO reply (SMTPUTF8, STARTTLS...), as nodemailer kept them. */
export const offeredExtensions = (connection: SMTPConnection): string[] | undefined =>
  (connection as unknown as { _supportedExtensions?: string[] })._supportedExtensions;
