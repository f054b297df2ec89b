// A check rule is a small pure function from a built edition to diagnostics.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Edition } from '../edition/types.js';
import type { Config } from '../config/config.js';
import type { MessageInput } from '../output/eml.js';
import type { HtmlDocument } from './html.js';
import type { Page } from './page.js';

/** A file's text, so a diagnostic can point at the line that caused it. */
export interface SourceText {
  /** Project-relative path, as diagnostics show it. */
  file: string;
  text: string;
}

export interface BuiltEdition {
  edition: Edition;
  config: Config;
  /** The final HTML (recipient fields filled with config defaults), as written to index.html. */
  html: string;
  /** The final plain text, as written to index.txt. */
  text: string;
  /** HTML and text with recipient fields still tokens: what send fills per recipient and export turns
   *  into merge tags (the preview's subscriber and platform pickers start from it). */
  tokens: { html: string; text: string };
  /** The MJML the templates produced, before compiling. */
  mjml: string;
  /** What the message is composed from: header values before any encoding. */
  message: MessageInput;
  /** The message exactly as message.eml holds it, composed in memory (check writes nothing without --out). */
  eml: string;
  /** What the cheap rules ask of `html`, read in one pass (page.ts). */
  page: Page;
  /** `html` as a tree, for the rules only `check` runs: parsed on first use, so `build` never pays for it. */
  readonly dom: HtmlDocument;
  /** The edition's content files, then the templates: where `locate()` looks for the cause of a finding. */
  sources: SourceText[];
}

export type Rule = (built: BuiltEdition) => Diagnostic[];
