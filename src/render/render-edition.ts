// One edition through the templates: Handlebars -> MJML -> HTML, and Handlebars -> plain text.
// Recipient fields are still neutral tokens in both results (see tokens.ts).
import Handlebars from 'handlebars';
import type { Config } from '../config/config.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Edition } from '../edition/types.js';
import type { TemplateEngine } from './engine.js';
import { compileMjml, type CompileOptions } from './mjml.js';
import { handOver } from './render-path.js';
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

/** An edition rendered but for its plain text, which `renderEditionText` makes apart (in another thread). */
export type RenderedHtml = Omit<RenderedEdition, 'text'>;

type Render<T> = Promise<{ rendered?: T; diagnostics: Diagnostic[] }>;

/** An edition to render, with its project's config, Handlebars engine and templates. */
type RenderArgs = [
  edition: Edition,
  config: Config,
  engine: TemplateEngine,
  templates: TemplateSet,
  options?: CompileOptions,
];

/**
 * The HTML and the plain text (the text renders while MJML compiles, in the MJML thread of a small build).
 * Asked for its text, `render` gives it whenever it gives an edition.
 */
export const renderEdition = (...args: RenderArgs) => render(true, ...args) as Render<RenderedEdition>;

/**
 * The HTML alone, its text left to `renderEditionText`. When the HTML fails, the text renders here after all:
 * an edition that fails reports what `renderEdition` reports (a text template's error before MJML's).
 */
export const renderEditionHtml = (...args: RenderArgs): Render<RenderedHtml> => render(false, ...args);

/** The plain text of an edition whose HTML rendered (`renderEditionHtml`): what `renderEdition` makes of it. */
export function renderEditionText(
  edition: Edition,
  config: Config,
  engine: TemplateEngine,
): { text: string } | { diagnostics: Diagnostic[] } {
  const text = renderText(edition, config, engine);
  return text.ok ? { text: tidyText(text.rendered.output) } : { diagnostics: text.diagnostics };
}

async function render(
  withText: boolean,
  edition: Edition,
  config: Config,
  engine: TemplateEngine,
  templates: TemplateSet,
  options: CompileOptions = {},
): Render<RenderedHtml | RenderedEdition> {
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
  const mjml = engine.render(
    edition.layout,
    'mjml',
    editionView(edition, config, 'html', Handlebars.SafeString),
    templateData(edition),
  );
  // the compile starts first: in the MJML thread of a small build, the text renders here meanwhile
  const started = mjml.ok ? handOver(() => compileMjml(mjml.rendered, templates, options)) : undefined;
  const compiling = started?.work;
  // the text renders while the MJML thread compiles, once the document is with it: the compile reaches the
  // thread through a few awaits, which a text rendered first would hold up (without a thread, it compiles)
  if (withText && started) await started.handedOver;
  if (!withText && mjml.ok) {
    const compiled = await compiling?.catch(() => undefined);
    if (compiled?.html)
      return { rendered: { mjml: mjml.rendered.output, html: slimHtml(compiled.html) }, diagnostics: [] };
    // the HTML failed: on as one render, the text included, for the same diagnostics (or exception)
  }
  const text = renderText(edition, config, engine);
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

const templateData = (edition: Edition) => ({ assets: edition.templateAssets ?? {} });

const renderText = (edition: Edition, config: Config, engine: TemplateEngine) =>
  engine.render(
    edition.layout,
    'txt',
    editionView(edition, config, 'text', Handlebars.SafeString),
    templateData(edition),
  );

/** Template whitespace is hard to control in Handlebars: trim line ends, at most one blank line in a row. */
export const tidyText = (text: string): string =>
  `${text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
