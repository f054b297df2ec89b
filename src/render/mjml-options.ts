// How newsletter calls MJML, in one place: the whole-document compile, the skeleton compile and the
// benchmark's baseline must all use the same options.
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

let mjml2html: Mjml2Html | undefined;
/** MJML in this thread, loaded on first use (a third of a second). */
export async function mjmlHere(): Promise<Mjml2Html> {
  mjml2html ??= ((await import('mjml')) as unknown as { default: Mjml2Html }).default;
  return mjml2html;
}
