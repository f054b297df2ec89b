// The library: what the CLI does, as functions that return data and never print or exit.
//
//   import { build, check, loadProject, renderEdition } from 'newsletter';
//   const report = await build({ root: 'my-letter' });
//   for (const e of report.editions) console.log(e.slug, e.ok, e.files);
//
// Options name folders as the CLI's flags do (root, content, templates, out, config); results carry
// Diagnostic objects ({ code, severity, message, file, line, column, hint }) instead of printed lines.
import { buildEdition } from './pipeline.js';
import { loadProject, type Project, type ProjectOptions } from './project.js';
import { diag, type Diagnostic } from './diagnostics/diagnostic.js';

export { build, type BuildOptions, type BuildReport, type EditionResult } from './build.js';
export { check, type CheckOptions, type CheckReport, type EditionCheck } from './check.js';
export { loadProject, type Project, type ProjectOptions } from './project.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type { Config } from './config/config.js';

export interface RenderedEditionResult {
  slug: string;
  /** Rendered and past the build's own checks; when false, `diagnostics` says why and the parts may be absent. */
  ok: boolean;
  subject?: string;
  /** The HTML as index.html holds it (recipient fields filled with the config's defaults). */
  html?: string;
  /** The plain text as index.txt holds it. */
  text?: string;
  /** The message as message.eml holds it. */
  eml?: string;
  diagnostics: Diagnostic[];
}

/**
 * Renders one edition in memory and writes nothing. Takes a loaded project (from loadProject) or the
 * options to load one.
 */
export async function renderEdition(
  project: Project | ProjectOptions,
  slug: string,
): Promise<RenderedEditionResult> {
  let loaded: Project;
  if ('engine' in project) loaded = project;
  else {
    const result = await loadProject(project);
    if (!result.project) return { slug, ok: false, diagnostics: result.diagnostics };
    loaded = result.project;
  }
  const entry = loaded.editions.find((e) => e.slug === slug);
  if (!entry) {
    const known = loaded.editions.map((e) => e.slug).join(', ') || 'none';
    return {
      slug,
      ok: false,
      diagnostics: [
        diag(
          'UNKNOWN_EDITION',
          'error',
          `no edition "${slug}" in ${loaded.paths.contentLabel}`,
          {},
          `editions: ${known}`,
        ),
      ],
    };
  }
  const { built, ok, diagnostics } = await buildEdition(loaded, entry, true);
  if (!built) return { slug, ok, diagnostics };
  return {
    slug,
    ok,
    subject: built.edition.subject,
    html: built.html,
    text: built.text,
    eml: built.eml,
    diagnostics,
  };
}
