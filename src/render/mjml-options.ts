// How newsletter calls MJML, in one place: the reference path's whole-document compile, the fast path's
// skeleton compile and the benchmark's baseline must all use the same options.

/** A node of MJML's JSON form, as its parser gives it (mjml2html takes a document in this form too). */
export interface MjmlNode {
  tagName: string;
  attributes?: Record<string, string>;
  children?: MjmlNode[];
  content?: string;
  [field: string]: unknown;
}

export interface MjmlResult {
  html: string;
  errors: { line: number; message: string; tagName: string }[];
}

export type Mjml2Html = (mjml: string | MjmlNode, options: object) => Promise<MjmlResult>;

export const MJML_OPTIONS = {
  validationLevel: 'soft', // collect every error, then fail the edition on any of them
  keepComments: false,
  ignoreIncludes: true, // templates use Handlebars partials; nothing may reach the file system through MJML
  fonts: {}, // no web-font <link>s: system fonts, no third-party requests
  beautify: false,
  minify: false,
};

/** Where compiled skeletons are kept between builds (out/.newsletter/cache/mjml/). A build that writes nothing
 * (`check`, `build --dry-run`) still reads them: `write` is false, and what it compiles stays in memory. */
export interface SkeletonFolder {
  dir: string;
  write: boolean;
}
