// MJML compile, with errors mapped back to the template file that wrote the offending line.
// An edition is compiled as a skeleton when it can be (see skeleton.ts): the same HTML, for a fraction
// of the work. mjml is loaded on first use: commands that never compile (help, a build with nothing to do,
// a rebuild whose skeletons are all on disk) don't pay for it.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Rendered } from './engine.js';
import type { TemplateSet } from './templates.js';
import { mjmlThread, MjmlThreadStopped, type MjmlThread } from './fast/mjml-thread.js';
import { compileAsSkeleton } from './fast/skeleton-compile.js';
import { MJML_OPTIONS, mjmlHere, type Mjml2Html } from './mjml-options.js';

export type { Mjml2Html } from './mjml-options.js';

/** MJML's compile: in the MJML thread while one runs (a small build started it), else in this thread. */
export async function loadMjml(): Promise<Mjml2Html> {
  const thread = mjmlThread();
  return thread
    ? (mjml, options) =>
        inThread(
          thread,
          (t) => t.compile(mjml, options),
          async () => (await mjmlHere())(mjml, options),
        )
    : mjmlHere();
}

/** Asks the MJML thread; if it stopped before answering (it crashed, or was stopped), does the work here. */
async function inThread<T>(
  thread: MjmlThread,
  there: (thread: MjmlThread) => Promise<T>,
  here: () => Promise<T>,
): Promise<T> {
  try {
    return await there(thread);
  } catch (error) {
    if (error instanceof MjmlThreadStopped) return here();
    throw error;
  }
}

export interface CompileOptions {
  /** Where compiled skeletons are kept between builds (out/.newsletter/cache/mjml); none: in memory only. */
  skeletonDir?: string;
}

export async function compileMjml(
  rendered: Rendered,
  templates: TemplateSet,
  options: CompileOptions = {},
): Promise<{ html?: string; diagnostics: Diagnostic[] }> {
  const thread = mjmlThread();
  const here = () => compileAsSkeleton(rendered.output, options.skeletonDir, mjmlHere);
  const html = thread
    ? await inThread(thread, (t) => t.skeleton(rendered.output, options.skeletonDir), here)
    : await here();
  if (html !== undefined) return { html, diagnostics: [] };

  // the whole document: when it cannot be split, and for its errors, which then carry their real lines
  const result = await (await loadMjml())(rendered.output, MJML_OPTIONS);
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
