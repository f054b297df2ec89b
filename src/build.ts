// The build pipeline, stage by stage. Each edition goes load -> assemble -> render -> check -> write on its
// own: a broken edition fails alone, and its previous output stays untouched because nothing of it is
// written unless every stage before writing succeeded.
import { join } from 'node:path';
import { loadProject, type Project, type ProjectOptions } from './project.js';
import type { EditionSource } from './content/discover.js';
import { diag, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import type { BuiltEdition } from './checks/rule.js';
import { buildEditions } from './workers/build-editions.js';
import { stopMjmlThread } from './workers/mjml-thread.js';
import { PRIVATE_DIR, skeletonDirIn } from './output/private-dir.js';

// The stages load on first use (see workers/stages.ts): a build with nothing to rebuild never pays for them.
const renderStages = () => import('./workers/stages-render.js');
const finishStages = () => import('./workers/stages-finish.js');
const archiveStage = () => import('./archive/write-archive.js');

export interface EditionResult {
  slug: string;
  ok: boolean;
  /** Public files written, relative to the out folder. */
  files: string[];
  diagnostics: Diagnostic[];
  built?: BuiltEdition;
  /** Skipped by an incremental build: its inputs are unchanged since it was last built (no `built`). */
  cached?: boolean;
}

export interface BuildReport {
  /** Problems with the project itself (config, templates, unknown slugs): exit code 2 or 1. */
  diagnostics: Diagnostic[];
  usageError: boolean;
  editions: EditionResult[];
  /** Worker threads the editions were built in (0: this thread). */
  workers?: number;
}

export interface BuildOptions extends ProjectOptions {
  slugs?: string[];
  /** Write nothing (check without --out). */
  dryRun?: boolean;
  /** Skip editions whose inputs are unchanged since they were last built (see src/cache/). */
  incremental?: boolean;
  /** Build in worker threads when there are many editions to build; their results then carry no `built`. */
  parallel?: boolean;
  /** Called as each edition is done (in the order they finish); `index` counts them. */
  onEdition?: (result: EditionResult, index: number, total: number) => void;
  /**
   * Runs on each edition built in this thread as soon as it is built, and is awaited before the next: what it
   * returns takes the edition's place in the report. `check` runs its own rules here and drops the rendered
   * edition, so that checking a thousand editions holds one in memory, not a thousand.
   */
  afterEdition?: (result: EditionResult) => Promise<EditionResult>;
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  try {
    return await buildProject(options);
  } finally {
    stopMjmlThread(); // the CLI may have started it before anything else (workers/early-mjml.ts)
  }
}

async function buildProject(options: BuildOptions): Promise<BuildReport> {
  const loaded = await loadProject(options);
  if (!loaded.project) return { diagnostics: loaded.diagnostics, usageError: loaded.usageError, editions: [] };
  const project = loaded.project;

  const entries = options.slugs?.length ? project.editions.filter((e) => options.slugs!.includes(e.slug)) : project.editions;
  const unknown = (options.slugs ?? []).filter((slug) => !project.editions.some((e) => e.slug === slug));
  if (unknown.length > 0) {
    const known = project.editions.map((e) => e.slug).join(', ') || 'none';
    return {
      diagnostics: unknown.map((slug) => diag('UNKNOWN_EDITION', 'error', `no edition "${slug}" in ${project.paths.contentLabel}`, {}, `editions: ${known}`)),
      usageError: true,
      editions: [],
    };
  }

  const { editions, workers } = await buildEditions(project, entries, options, buildEdition);
  // the web archive (out/index.html, out/feed.xml) lists every edition in out/, rebuilt this run or not
  const archive = options.dryRun ? [] : await (await archiveStage()).writeArchive(project.paths.out, project.paths.outLabel, project.config);
  return { diagnostics: [...loaded.diagnostics, ...archive], usageError: false, editions, workers };
}

export async function buildEdition(project: Project, entry: Project['editions'][number], dryRun: boolean, preread?: EditionSource): Promise<EditionResult> {
  const failed = (diagnostics: Diagnostic[]): EditionResult => ({ slug: entry.slug, ok: false, files: [], diagnostics });
  const { readEdition, assembleEdition, trackEdition, renderEdition } = await renderStages();

  // 1. load: read the files (the only content I/O)
  const source = preread ?? (await readEdition(project.paths.root, entry));
  // 2. assemble: parse and sanitise articles, merge edition.md and defaults into an Edition
  const assembled = assembleEdition(source, project.config);
  if (!assembled.edition) return failed(assembled.diagnostics);
  // UTM parameters on article and intro links (off unless configured), before any part is rendered
  const edition = trackEdition(assembled.edition, project.config);
  // 3. render: Handlebars -> MJML -> HTML, and Handlebars -> text; recipient fields stay tokens
  // compiled MJML skeletons are kept in the cache for the next build, unless this one writes nothing
  const skeletonDir = dryRun ? undefined : skeletonDirIn(project.paths.out);
  // the later stages' libraries (mail, HTML parsing) load while the MJML thread compiles, if one does
  const finishing = finishStages();
  finishing.catch(() => undefined); // a failed render returns before awaiting it: no unhandled rejection
  const render = await renderEdition(edition, project.config, project.engine, project.templates, { ...(skeletonDir ? { skeletonDir } : {}) });
  const diagnostics = [...assembled.diagnostics, ...render.diagnostics];
  if (!render.rendered) return failed(diagnostics);
  const { builtEdition, sourceTexts, CHEAP_RULES, runRules, editionOutput, writeAllAtomic } = await finishing;
  // 4. check: the cheap rules, on the page as a reader gets it (recipient fields filled with defaults)
  const built = await builtEdition({ edition, config: project.config, ...render.rendered, sources: sourceTexts(source, project) });
  diagnostics.push(...runRules(CHEAP_RULES, built));
  // a failed edition still carries what was built, so `check` can run its other rules on it
  if (hasErrors(diagnostics)) return { ...failed(diagnostics), built };
  if (dryRun) return { slug: edition.slug, ok: true, files: [], diagnostics, built };
  // 5. write: every file of the edition staged, then renamed into place together
  const files = await editionOutput(project.paths.out, edition, project.config, render.rendered, diagnostics, built);
  try {
    await writeAllAtomic(files);
  } catch (error) {
    return failed([...diagnostics, diag('WRITE_FAILED', 'error', (error as Error).message, { file: join(project.paths.outLabel, edition.slug) })]);
  }
  const publicFiles = files.map((f) => f.path).filter((p) => !p.includes(`${join(project.paths.out, '.newsletter')}`));
  return { slug: edition.slug, ok: true, files: publicFiles.map((p) => p.slice(project.paths.out.length + 1).split('\\').join('/')), diagnostics, built };
}
