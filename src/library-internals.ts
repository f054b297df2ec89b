// Requires MJML (or a piece of it) without the libraries it loads at start but newsletter's compile never
// calls: a third of its load time. Each is stood in for by an object that loads the real module the first
// time it is used, so a document or option that does need one still gets it, only later. Only the
// requests listed below, from the files listed below, are touched (test/render/mjml-load.test.ts).
import { createRequire } from 'node:module';

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
    return new Proxy(standIn.callable ? () => undefined : {}, {
      get: (_, key) => (key === '__esModule' ? standIn.esModule || undefined : Reflect.get(module(), key)),
      has: (_, key) => Reflect.has(module(), key),
      apply: (_, self, args) => Reflect.apply(module() as (...a: unknown[]) => unknown, self, args),
    });
  };
  try {
    return load();
  } finally {
    Module._load = original;
  }
}
