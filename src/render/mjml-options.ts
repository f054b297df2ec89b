// How newsletter calls MJML, in one place: the whole-document compile, the skeleton compile and the
// benchmark's baseline must all use the same options.
import { createRequire } from 'node:module';
import type { MjmlNode } from './mjml-skeleton.js';

export type Mjml2Html = (mjml: string | MjmlNode, options: object) => Promise<{ html: string; errors: { line: number; message: string; tagName: string }[] }>;

export const MJML_OPTIONS = {
  validationLevel: 'soft', // collect every error, then fail the edition on any of them
  keepComments: false,
  ignoreIncludes: true, // templates use Handlebars partials; nothing may reach the file system through MJML
  fonts: {}, // no web-font <link>s: system fonts, no third-party requests
  beautify: false,
  minify: false,
};

let mjml2html: Promise<Mjml2Html> | undefined;
/** MJML in this thread, loaded on first use (a third of a second); callers that ask while it loads wait for
 * that one load (the MJML thread asks at start and again at its first compile). */
export function mjmlHere(): Promise<Mjml2Html> {
  mjml2html ??= importMjml().catch((error: unknown) => {
    mjml2html = undefined; // the next caller tries again
    throw error;
  });
  return mjml2html;
}

async function importMjml(): Promise<Mjml2Html> {
  const restore = deferOptionalModules();
  try {
    return ((await import('mjml')) as unknown as { default: Mjml2Html }).default;
  } finally {
    restore();
  }
}

// mjml-core loads at its start two libraries that only some documents and options use: cheerio (for
// mj-html-attributes) and js-beautify (for `beautify`). Together they are a quarter of MJML's load time.
// While MJML loads, each is stood in for by an object that loads the real module the first time one of
// its exports is used: the same calls, made later or never. Both are only ever used as `module.export(...)`
// there, which the stand-in serves (test/render/mjml-load.test.ts compiles a document that needs cheerio).
const DEFERRED = new Set(['cheerio', './helpers/formatHtml']);
const MJML_CORE_INDEX = /[\\/]mjml-core[\\/]lib[\\/]index\.js$/;

type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;

function deferOptionalModules(): () => void {
  const Module = createRequire(import.meta.url)('node:module') as { _load: Load };
  const load = Module._load;
  Module._load = function (this: unknown, request, parent, isMain) {
    if (!DEFERRED.has(request) || !MJML_CORE_INDEX.test(parent?.filename ?? '')) return load.call(this, request, parent, isMain);
    let real: object | undefined;
    const module = () => (real ??= load.call(this, request, parent, isMain) as object);
    return new Proxy({}, { get: (_, key) => Reflect.get(module(), key), has: (_, key) => Reflect.has(module(), key) });
  };
  return () => {
    Module._load = load;
  };
}
