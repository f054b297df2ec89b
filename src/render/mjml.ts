// MJML compile, with errors mapped back to the template file that wrote the offending line. How the HTML is
// made, whole or by way of a compiled skeleton, is render-path.ts's choice.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Rendered } from './engine.js';
import type { TemplateSet } from './templates.js';
import type { SkeletonFolder } from './mjml-options.js';
import { mjmlToHtml } from './render-path.js';

export interface CompileOptions {
  /** Where compiled skeletons are kept between builds (out/.newsletter/cache/mjml); none: in memory only. */
  skeletons?: SkeletonFolder;
}

export async function compileMjml(
  rendered: Rendered,
  templates: TemplateSet,
  options: CompileOptions = {},
): Promise<{ html?: string; diagnostics: Diagnostic[] }> {
  const result = await mjmlToHtml(rendered.output, options.skeletons);
  const diagnostics = result.errors.map((error) => {
    const origin = rendered.origin(error.line);
    const source =
      [...templates.layouts, ...templates.partials].find((t) => t.file === origin.file)?.source ?? '';
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
