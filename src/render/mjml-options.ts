// How newsletter calls MJML, in one place: the whole-document compile, the skeleton compile and the
// benchmark's baseline must all use the same options.
import { createRequire } from 'node:module';
import { requireLean } from '../library-internals.js';
import type { MjmlNode } from './fast/skeleton.js';

export type Mjml2Html = (
  mjml: string | MjmlNode,
  options: object,
) => Promise<{ html: string; errors: { line: number; message: string; tagName: string }[] }>;

export const MJML_OPTIONS = {
  validationLevel: 'soft', // collect every error, then fail the edition on any of them
  keepComments: false,
  ignoreIncludes: true, // templates use Handlebars partials; nothing may reach the file system through MJML
  fonts: {}, // no web-font <link>s: system fonts, no third-party requests
  beautify: false,
  minify: false,
};

const require = createRequire(import.meta.url);

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
  return requireLean(() => require('mjml') as Mjml2Html); // CommonJS: its exports are the function
}
