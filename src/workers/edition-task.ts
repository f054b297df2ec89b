// One edition to build, the same way in a worker thread or in this one: read its inputs (with stamps),
// run the pipeline, and describe the result for the cache; for `check`, run its own rules on it there too
// (`withChecks`). A build in worker threads may also split an edition in two (see pool.ts): `renderTask` in
// a render worker, `finishTask` (and `withChecks`) in its finish partner.
import type { BuildSettings, EditionResult } from '../edition/results.js';
import type { Handover, RenderedPart } from '../pipeline.js';
import { buildEdition, entryLabel, finishEdition, renderPart } from '../pipeline.js';
import type { Project } from '../project.js';
import { cacheEntry, type CacheEntry } from '../cache/entry.js';
import { readInputs, type EditionEntry, type EditionInputs } from '../cache/inputs.js';
import { projectKey } from '../cache/keys.js';
import { diag, internalError } from '../diagnostics/diagnostic.js';
import { injectFault } from '../edition/fault.js';

// check's rules load on first use: a build never loads them
const checkStage = () => import('../checks/run-checks.js');

export interface EditionTask {
  /** Position in the build's list of editions: results are reported in this order. */
  index: number;
  entry: EditionEntry;
  /** Inputs the cache check already read, so they are not read twice. */
  inputs?: EditionInputs;
}

export interface TaskResult {
  index: number;
  result: EditionResult;
  cache?: CacheEntry;
}

/** The first half of a task: the edition rendered (or failed), with the inputs its cache entry needs. */
export interface RenderedTask {
  index: number;
  entry: EditionEntry;
  inputs: EditionInputs;
  /** projectKey() of the project it was rendered with: the finish worker's must be the same. */
  project: string;
  part: { rendered: RenderedPart } | { failed: EditionResult };
}

/** A result without the rendered edition: what crosses between threads, and what a parallel build keeps. */
export const withoutBuilt = ({ built: _built, ...result }: EditionResult): EditionResult => result;

export async function runEditionTask(
  project: Project,
  task: EditionTask,
  dryRun = false,
): Promise<TaskResult> {
  const inputs = await inputsOf(project, task);
  const result = await buildEdition(project, task.entry, dryRun, inputs.source);
  return dryRun ? { index: task.index, result } : taskResult(project, task.index, inputs, result);
}

/** The task with its inputs read, for a worker that is not to read them itself. */
export const withInputs = async (project: Project, task: EditionTask): Promise<EditionTask> => ({
  ...task,
  inputs: await inputsOf(project, task),
});

/** What the cache check already read, else read now. */
const inputsOf = async (project: Project, task: EditionTask): Promise<EditionInputs> =>
  task.inputs ?? (await readInputs(project.paths.root, task.entry));

export async function renderTask(
  project: Project,
  task: EditionTask,
  dryRun: boolean,
  handover: Handover,
): Promise<RenderedTask> {
  const inputs = await inputsOf(project, task);
  return {
    index: task.index,
    entry: task.entry,
    inputs,
    project: keyOf(project),
    part: await renderPart(project, task.entry, dryRun, inputs.source, handover),
  };
}

export async function finishTask(
  project: Project,
  { index, inputs, project: renderedWith, part }: RenderedTask,
  dryRun = false,
): Promise<TaskResult> {
  if ('failed' in part)
    return dryRun ? { index, result: part.failed } : taskResult(project, index, inputs, part.failed);
  if (renderedWith !== keyOf(project)) {
    const message =
      'the config or a template changed while the build ran; the edition was not written: build again';
    return {
      index,
      result: {
        slug: part.rendered.edition.slug,
        ok: false,
        files: [],
        diagnostics: [diag('PROJECT_CHANGED', 'error', message, { file: part.rendered.edition.sources[0] })],
      },
    };
  }
  const result = await finishEdition(project, part.rendered, dryRun);
  return dryRun ? { index, result } : taskResult(project, index, inputs, result);
}

/**
 * `check`'s own rules on an edition just built (settings.check), in the thread that built it: their findings
 * go into the result's `checks`, apart from its `diagnostics`, which the manifest and the cache already hold.
 * An exception there fails the edition alone, as one in any stage does.
 */
export async function withChecks(
  project: Project,
  entry: EditionEntry,
  result: EditionResult,
  settings: BuildSettings,
): Promise<EditionResult> {
  const { built } = result;
  if (!settings.check || !built) return result;
  try {
    injectFault('after', result.slug);
    const { editionChecks } = await checkStage();
    const written = result.files.includes(`${result.slug}/message.eml`);
    const spamFile = written
      ? `${settings.out ?? 'out'}/${result.slug}/message.eml`
      : built.edition.sources[0];
    return { ...result, checks: await editionChecks(built, settings.check, spamFile) };
  } catch (error) {
    const { built: _built, ...rest } = result;
    return {
      ...rest,
      ok: false,
      diagnostics: [
        ...result.diagnostics,
        internalError(error, 'checking it', { file: entryLabel(project, entry) }),
      ],
    };
  }
}

/** A worker loads its project once: its key is worked out once too. */
const keys = new WeakMap<Project, string>();
function keyOf(project: Project): string {
  let key = keys.get(project);
  if (key === undefined) keys.set(project, (key = projectKey(project)));
  return key;
}

function taskResult(
  project: Project,
  index: number,
  inputs: EditionInputs,
  result: EditionResult,
): TaskResult {
  const layout = result.built?.edition.layout;
  const cache =
    result.ok && layout !== undefined
      ? cacheEntry(project, inputs, {
          layout,
          files: result.files,
          diagnostics: result.diagnostics,
          images: (result.built?.edition.assets ?? []).map((a) => a.source),
        })
      : undefined;
  return { index, result, ...(cache ? { cache } : {}) };
}
