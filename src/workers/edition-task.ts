// One edition to build, the same way in a worker thread or in this one: read its inputs (with stamps),
// run the pipeline, and describe the result for the cache. A build in worker threads may also split an
// edition in two (see pool.ts): `renderTask` in a render worker, `finishTask` in its finish partner.
import type { EditionResult } from '../edition/results.js';
import type { RenderedPart } from '../pipeline.js';
import { buildEdition, finishEdition, renderPart } from '../pipeline.js';
import type { Project } from '../project.js';
import { cacheEntry, type CacheEntry } from '../cache/entry.js';
import { readInputs, type EditionEntry, type EditionInputs } from '../cache/inputs.js';
import { projectKey } from '../cache/keys.js';
import { diag } from '../diagnostics/diagnostic.js';

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
  inputs: EditionInputs;
  /** projectKey() of the project it was rendered with: the finish worker's must be the same. */
  project: string;
  part: { rendered: RenderedPart } | { failed: EditionResult };
}

/** A result without the rendered edition: what crosses between threads, and what a parallel build keeps. */
export const withoutBuilt = ({ built: _built, ...result }: EditionResult): EditionResult => result;

export async function runEditionTask(project: Project, task: EditionTask): Promise<TaskResult> {
  const inputs = await inputsOf(project, task);
  return taskResult(
    project,
    task.index,
    inputs,
    await buildEdition(project, task.entry, false, inputs.source),
  );
}

/** The task with its inputs read, for a worker that is not to read them itself. */
export const withInputs = async (project: Project, task: EditionTask): Promise<EditionTask> => ({
  ...task,
  inputs: await inputsOf(project, task),
});

/** What the cache check already read, else read now. */
const inputsOf = async (project: Project, task: EditionTask): Promise<EditionInputs> =>
  task.inputs ?? (await readInputs(project.paths.root, task.entry));

export async function renderTask(project: Project, task: EditionTask): Promise<RenderedTask> {
  const inputs = await inputsOf(project, task);
  return {
    index: task.index,
    inputs,
    project: keyOf(project),
    part: await renderPart(project, task.entry, false, inputs.source),
  };
}

export async function finishTask(
  project: Project,
  { index, inputs, project: renderedWith, part }: RenderedTask,
): Promise<TaskResult> {
  if ('failed' in part) return taskResult(project, index, inputs, part.failed);
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
  return taskResult(project, index, inputs, await finishEdition(project, part.rendered, false));
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
