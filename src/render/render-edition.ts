// One edition through the templates: Handlebars -> MJML -> HTML, and Handlebars -> plain text.
// Recipient fields are still neutral tokens in both results (see tokens.ts).
import Handlebars from 'handlebars';
import type { Config } from '../config/config.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Edition } from '../edition/types.js';
import type { TemplateEngine } from './engine.js';
import { compileMjml, type CompileOptions } from './mjml.js';
import { slimHtml } from './slim-html.js';
import type { TemplateSet } from './templates.js';
import { editionView } from './view.js';

export interface RenderedEdition {
  mjml: string;
  /** HTML with recipient tokens. */
  html: string;
  /** Plain text with recipient tokens. */
  text: string;
}

export async function renderEdition(
  edition: Edition,
  config: Config,
  engine: TemplateEngine,
  templates: TemplateSet,
  options: CompileOptions = {},
): Promise<{ rendered?: RenderedEdition; diagnostics: Diagnostic[] }> {
  const missing = (['mjml', 'txt'] as const).filter((kind) => !engine.hasLayout(edition.layout, kind));
  if (missing.length > 0) {
    const file = edition.sources[0];
    return {
      diagnostics: missing.map((kind) =>
        diag(
          'TEMPLATE_MISSING',
          'error',
          `layout "${edition.layout}" has no templates/${edition.layout}.${kind}.hbs`,
          { file },
        ),
      ),
    };
  }
  const data = { assets: edition.templateAssets ?? {} };
  const mjml = engine.render(
    edition.layout,
    'mjml',
    editionView(edition, config, 'html', Handlebars.SafeString),
    data,
  );
  // the compile starts first: in the MJML thread of a small build, the text renders here meanwhile
  const compiling = mjml.ok ? compileMjml(mjml.rendered, templates, options) : undefined;
  const text = engine.render(
    edition.layout,
    'txt',
    editionView(edition, config, 'text', Handlebars.SafeString),
    data,
  );
  const failures = [...(mjml.ok ? [] : mjml.diagnostics), ...(text.ok ? [] : text.diagnostics)];
  if (!mjml.ok || !text.ok) {
    await compiling?.catch(() => undefined); // nothing left running behind the failure
    return { diagnostics: failures };
  }

  const compiled = await compiling!;
  if (!compiled.html) return { diagnostics: compiled.diagnostics };
  return {
    rendered: {
      mjml: mjml.rendered.output,
      html: slimHtml(compiled.html),
      text: tidyText(text.rendered.output),
    },
    diagnostics: [],
  };
}

/** Template whitespace is hard to control in Handlebars: trim line ends, at most one blank line in a row. */
export const tidyText = (text: string): string =>
  `${text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
