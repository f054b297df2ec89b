// MJML compile, with errors mapped back to the template file that wrote the offending line.
// mjml is loaded on first use: commands that never compile (help, a build with nothing to do) don't pay for it.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Rendered } from './engine.js';
import type { TemplateSet } from './templates.js';
import { mjmlThread } from '../workers/mjml-thread.js';

export type Mjml2Html = (mjml: string, options: object) => Promise<{ html: string; errors: { line: number; message: string; tagName: string }[] }>;
let mjml2html: Mjml2Html | undefined;

export async function loadMjml(): Promise<Mjml2Html> {
  // a build of a few editions may have started MJML loading in another thread meanwhile: use it while it runs
  const inThread = mjmlThread();
  if (inThread) return inThread;
  mjml2html ??= ((await import('mjml')) as unknown as { default: Mjml2Html }).default;
  return mjml2html;
}

export async function compileMjml(rendered: Rendered, templates: TemplateSet): Promise<{ html?: string; diagnostics: Diagnostic[] }> {
  const compile = await loadMjml();
  const result = await compile(rendered.output, {
    validationLevel: 'soft', // collect every error, then fail the edition on any of them
    keepComments: false,
    ignoreIncludes: true, // templates use Handlebars partials; nothing may reach the file system through MJML
    fonts: {}, // no web-font <link>s: system fonts, no third-party requests
    beautify: false,
    minify: false,
  });
  const diagnostics = result.errors.map((error) => {
    const origin = rendered.origin(error.line);
    const source = [...templates.layouts, ...templates.partials].find((t) => t.file === origin.file)?.source ?? '';
    const line = nearestLineWith(source, `<${error.tagName}`, origin.line);
    return diag('MJML_ERROR', 'error', error.message, { file: origin.file, line });
  });
  return diagnostics.length > 0 ? { diagnostics } : { html: result.html, diagnostics };
}

/** The line of `source` containing `needle` that is nearest to `guess` (or the guess itself). */
function nearestLineWith(source: string, needle: string, guess: number): number {
  const lines = source.split('\n');
  let best = guess;
  let distance = Infinity;
  lines.forEach((text, i) => {
    if (text.includes(needle) && Math.abs(i + 1 - guess) < distance) {
      best = i + 1;
      distance = Math.abs(i + 1 - guess);
    }
  });
  return Math.max(1, Math.min(best, lines.length));
}
