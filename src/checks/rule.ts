// A check rule is a small pure function from a built edition to diagnostics.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Edition } from '../edition/types.js';
import type { Config } from '../config/config.js';

export interface BuiltEdition {
  edition: Edition;
  config: Config;
  /** The final HTML (recipient fields filled with config defaults), as written to index.html. */
  html: string;
  /** The final plain text, as written to index.txt. */
  text: string;
  /** The MJML the templates produced, before compiling. */
  mjml: string;
}

export type Rule = (built: BuiltEdition) => Diagnostic[];
