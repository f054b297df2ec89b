// One edition through the pipeline, stage by stage: load -> assemble -> render -> check -> write. Each
// edition goes on its own: a broken edition fails alone, and its previous output stays untouched because
// nothing of it is written unless every stage before writing succeeded. An exception in any stage (a bug,
// or input that defeats a library) becomes the edition's INTERNAL_ERROR: it never ends the build. The
// stages come in two halves, `renderPart` and `finishEdition`, so that a parallel build can run them in
// different threads (see workers/pool.ts); `buildEdition` runs both. Where the first half ends depends on the
// command (HANDOVER, below).
import { join, sep } from 'node:path';
import type { EditionResult } from './edition/results.js';
import { displayPath, type EditionSource } from './content/discover.js';
import { diag, hasErrors, internalError, type Diagnostic } from './diagnostics/diagnostic.js';
import { injectFault } from './edition/fault.js';
import type { Edition } from './edition/types.js';
import { skeletonDirIn } from './output/private-dir.js';
import { RefusedPath } from './output/real-folder.js';
import type { Project } from './project.js';
import type { RenderedEdition, RenderedHtml } from './render/render-edition.js';

// The stages load on first use (see workers/stages.ts): a build with nothing to rebuild never pays for them.
const renderStages = () => import('./workers/stages-render.js');
const finishStages = () => import('./workers/stages-finish.js');

/** Loads the stages of one half ahead of its first edition: a worker of a pair has the time as it starts. */
export const loadStages = (half: 'render' | 'finish'): Promise<unknown> =>
  half === 'render' ? renderStages() : finishStages();

/**
 * Where a pair of workers splits an edition, by command: after its HTML (the finish worker renders the plain
 * text), or after its plain text. The one place that chooses: the point where both threads of a pair have
 * about as much CPU to spend (docs/performance.md, "Parallel builds"). Both hand over after the text: once
 * the skeleton was read off the text and the text measured by its length, the render half had less to do
 * than the finish half even with the text, in `build` (whose finish half writes the files) and in `check`
 * (whose finish half runs its own rules). Weigh the halves again when one side changes.
 */
export type Handover = 'after-html' | 'after-text';
export const HANDOVER: Readonly<Record<'build' | 'check', Handover>> = {
  build: 'after-text',
  check: 'after-text',
};

/** An edition read, assembled and rendered, not yet checked nor written: what a render worker hands over. */
export interface RenderedPart {
  edition: Edition;
  /** Without its text when handed over after its HTML: the finish half renders it. */
  rendered: RenderedEdition | RenderedHtml;
  /** What assembling and rendering reported (warnings: an error ends the edition there). */
  diagnostics: Diagnostic[];
  source: EditionSource;
  /** Where its problems point when no file of it says more (`entryLabel`). */
  label: string;
}

export async function buildEdition(
  project: Project,
  entry: Project['editions'][number],
  dryRun: boolean,
  preread?: EditionSource,
): Promise<EditionResult> {
  // the later stages' libraries (mail, HTML parsing) load while the MJML thread compiles, if one does
  const finishing = finishStages();
  finishing.catch(() => undefined); // a failed render returns before awaiting it: no unhandled rejection
  const part = await renderPart(project, entry, dryRun, preread);
  return 'failed' in part ? part.failed : finishEdition(project, part.rendered, dryRun);
}

/** Where an edition's problems point when no file of it says more: its file, or its folder. */
export const entryLabel = (project: Project, entry: Project['editions'][number]): string =>
  `${displayPath(project.paths.root, entry.path)}${entry.folder ? '/' : ''}`;

/** An edition that failed before it was checked: none of its files is written. */
const failedPart = (slug: string, diagnostics: Diagnostic[]) => ({
  failed: { slug, ok: false, files: [], diagnostics },
});

/** Stages 1 to 3: load, assemble, render (its plain text too, unless handed over after its HTML). */
export async function renderPart(
  project: Project,
  entry: Project['editions'][number],
  dryRun: boolean,
  preread?: EditionSource,
  handover: Handover = 'after-text',
): Promise<{ rendered: RenderedPart } | { failed: EditionResult }> {
  const diagnostics: Diagnostic[] = [];
  const failed = (more: Diagnostic[] = []) => failedPart(entry.slug, [...diagnostics, ...more]);
  // a slug made twice, or reserved: none of its files is read
  if (entry.problems?.length) return failed(entry.problems);
  let stage = 'loading its files';
  try {
    const { readEdition, assembleEdition, trackEdition, resolveEditionAssets, ...render } =
      await renderStages();
    injectFault('load', entry.slug);
    // 1. load: read the files (the only content I/O)
    const source = preread ?? (await readEdition(project.paths.root, entry));
    // 2. assemble: parse and sanitise articles, merge edition.md and defaults into an Edition
    stage = 'reading its articles';
    injectFault('assemble', entry.slug);
    const assembled = await assembleEdition(source, project.config);
    diagnostics.push(...assembled.diagnostics);
    if (!assembled.edition) return failed();
    // UTM parameters on article and intro links (off unless configured), before any part is rendered
    const tracked = trackEdition(assembled.edition, project.config);
    // local images: read, sized and given their published URLs, each resolved against the file naming it
    stage = 'reading its images';
    const withAssets = resolveEditionAssets(tracked, project, source);
    diagnostics.push(...withAssets.diagnostics);
    if (!withAssets.edition) return failed();
    const edition = withAssets.edition;
    // 3. render: Handlebars -> MJML -> HTML, and Handlebars -> text; recipient fields stay tokens
    stage = 'rendering it';
    injectFault('render', entry.slug);
    // compiled MJML skeletons are kept in the cache for the next build; one that writes nothing only reads them
    const skeletons = { dir: skeletonDirIn(project.paths.out), write: !dryRun };
    const renderEdition = handover === 'after-html' ? render.renderEditionHtml : render.renderEdition;
    const rendered = await renderEdition(edition, project.config, project.engine, project.templates, {
      skeletons,
    });
    diagnostics.push(...rendered.diagnostics);
    if (!rendered.rendered) return failed();
    const label = entryLabel(project, entry);
    return { rendered: { edition, rendered: rendered.rendered, diagnostics, source, label } };
  } catch (error) {
    return failed([internalError(error, stage, { file: entryLabel(project, entry) })]);
  }
}

/** Stages 4 and 5: check, write (after the plain text, when the render half left it). */
export async function finishEdition(
  project: Project,
  part: RenderedPart,
  dryRun: boolean,
): Promise<EditionResult> {
  const withText = await textOf(project, part);
  if ('failed' in withText) return withText.failed;
  const { rendered } = withText;
  const { edition, source } = part;
  const diagnostics = [...part.diagnostics];
  const failed = (): EditionResult => ({ slug: edition.slug, ok: false, files: [], diagnostics });
  let stage = 'checking it';
  let built: EditionResult['built'];
  try {
    const { builtEdition, sourceTexts, CHEAP_RULES, runRules, editionOutput, swapEdition } =
      await finishStages();
    injectFault('check', edition.slug);
    // 4. check: the cheap rules, on the page as a reader gets it (recipient fields filled with defaults)
    built = await builtEdition({
      edition,
      config: project.config,
      ...rendered,
      sources: sourceTexts(source, project),
    });
    diagnostics.push(...runRules(CHEAP_RULES, built));
    // A dry run (check) reports a check error as a failed edition that still carries what was built, so
    // `check` can run its other rules on it. A build writes the edition anyway: the findings go into its
    // manifest and the summary, and the writer can look at what is wrong (`build --strict`: exit 1).
    if (dryRun) return { slug: edition.slug, ok: !hasErrors(diagnostics), files: [], diagnostics, built };
    // 5. write: every file of the edition staged, then swapped in as one folder (output/swap.ts)
    stage = 'writing it';
    const files = await editionOutput(
      project.paths.out,
      edition,
      project.config,
      rendered,
      diagnostics,
      built,
    );
    try {
      injectFault('write', edition.slug);
      swapEdition(project.paths.out, edition.slug, files);
    } catch (error) {
      if (!isFileSystemError(error)) throw error; // a bug: INTERNAL_ERROR, below
      diagnostics.push(writeFailed(project, edition.slug, error));
      return failed();
    }
    const publicFiles = files
      .map((f) => f.path)
      .filter((p) => !p.includes(`${join(project.paths.out, '.newsletter')}`));
    return {
      slug: edition.slug,
      ok: true,
      files: publicFiles.map((p) =>
        p
          .slice(project.paths.out.length + 1)
          .split('\\')
          .join('/'),
      ),
      diagnostics,
      built,
    };
  } catch (error) {
    diagnostics.push(internalError(error, stage, { file: edition.sources[0] }));
    return { ...failed(), ...(built ? { built } : {}) };
  }
}

/** The rendered edition with its plain text, rendered here if the render half left it: a stage-3 failure. */
async function textOf(
  project: Project,
  { edition, rendered, diagnostics, label }: RenderedPart,
): Promise<{ rendered: RenderedEdition } | { failed: EditionResult }> {
  if ('text' in rendered) return { rendered };
  try {
    const { renderEditionText } = await finishStages();
    const text = renderEditionText(edition, project.config, project.engine);
    if ('diagnostics' in text) return failedPart(edition.slug, [...diagnostics, ...text.diagnostics]);
    return { rendered: { ...rendered, text: text.text } };
  } catch (error) {
    return failedPart(edition.slug, [...diagnostics, internalError(error, 'rendering it', { file: label })]);
  }
}

/** What the file system refused (an errno code, or a path newsletter will not write through), not a bug. */
const isFileSystemError = (error: unknown): boolean =>
  error instanceof RefusedPath || /^E[A-Z]+$/.test(String((error as NodeJS.ErrnoException)?.code ?? ''));

/** A write that failed: at the edition's folder, with the system's message (its paths project-relative). */
export function writeFailed(project: Project, slug: string, error: unknown): Diagnostic {
  const message = (error as Error).message.split(`${project.paths.root}${sep}`).join('');
  return diag('WRITE_FAILED', 'error', message, { file: join(project.paths.outLabel, slug) });
}
