// MJML compile, with errors mapped back to the template file that wrote the offending line.
// An edition is compiled as a skeleton when it can be (see mjml-skeleton.ts): the same HTML, for a fraction
// of the work. mjml is loaded on first use: commands that never compile (help, a build with nothing to do,
// a rebuild whose skeletons are all on disk) don't pay for it.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Rendered } from './engine.js';
import type { TemplateSet } from './templates.js';
import { mjmlThread } from '../workers/mjml-thread.js';
import { fillHoles, splitSkeleton, type MjmlNode } from './mjml-skeleton.js';
import { inlineCss, mjmlVersion, parseMjml } from './mjml-parts.js';
import { storedSkeleton, storeSkeleton } from './skeleton-store.js';

export type Mjml2Html = (mjml: string | MjmlNode, options: object) => Promise<{ html: string; errors: { line: number; message: string; tagName: string }[] }>;
let mjml2html: Mjml2Html | undefined;

const OPTIONS = {
  validationLevel: 'soft', // collect every error, then fail the edition on any of them
  keepComments: false,
  ignoreIncludes: true, // templates use Handlebars partials; nothing may reach the file system through MJML
  fonts: {}, // no web-font <link>s: system fonts, no third-party requests
  beautify: false,
  minify: false,
};

export async function loadMjml(): Promise<Mjml2Html> {
  // a build of a few editions may have started MJML loading in another thread meanwhile: use it while it runs
  const inThread = mjmlThread();
  if (inThread) return inThread;
  mjml2html ??= ((await import('mjml')) as unknown as { default: Mjml2Html }).default;
  return mjml2html;
}

export interface CompileOptions {
  /** Where compiled skeletons are kept between builds (out/.newsletter/cache/mjml); none: in memory only. */
  skeletonDir?: string;
}

export async function compileMjml(rendered: Rendered, templates: TemplateSet, options: CompileOptions = {}): Promise<{ html?: string; diagnostics: Diagnostic[] }> {
  const html = await compileAsSkeleton(rendered.output, options);
  if (html !== undefined) return { html, diagnostics: [] };

  // the whole document: when it cannot be split, and for its errors, which then carry their real lines
  const result = await (await loadMjml())(rendered.output, OPTIONS);
  const diagnostics = result.errors.map((error) => {
    const origin = rendered.origin(error.line);
    const source = [...templates.layouts, ...templates.partials].find((t) => t.file === origin.file)?.source ?? '';
    const line = nearestLineWith(source, `<${error.tagName}`, origin.line);
    return diag('MJML_ERROR', 'error', error.message, { file: origin.file, line });
  });
  return diagnostics.length > 0 ? { diagnostics } : { html: result.html, diagnostics };
}

/** The edition's HTML by way of its skeleton, or undefined when it has to be compiled whole. */
async function compileAsSkeleton(source: string, options: CompileOptions): Promise<string | undefined> {
  let tree: MjmlNode;
  try {
    tree = parseMjml(source);
  } catch {
    return undefined;
  }
  const skeleton = splitSkeleton(tree, source, `${mjmlVersion()} ${JSON.stringify(OPTIONS)}`);
  if (!skeleton) return undefined;
  let html = storedSkeleton(skeleton.key, options.skeletonDir);
  if (html === undefined) {
    const compiled = await (await loadMjml())(skeleton.tree, OPTIONS).catch(() => undefined);
    if (!compiled || compiled.errors.length > 0) return undefined;
    html = compiled.html;
    storeSkeleton(skeleton.key, html, options.skeletonDir);
  }
  const filled = fillHoles(html, skeleton.values);
  return skeleton.inlineCss ? inlineCss(filled, skeleton.inlineCss) : filled;
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
