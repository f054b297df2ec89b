// One edition to build, the same way in a worker thread or in this one: read its inputs (with stamps),
// run the pipeline, and describe the result for the cache.
import type { EditionResult } from '../build.js';
import type { EditionSource } from '../content/discover.js';
import type { Project } from '../project.js';
import { cacheEntry, type CacheEntry } from '../cache/entry.js';
import { readInputs, type EditionEntry, type EditionInputs } from '../cache/inputs.js';

export type BuildOne = (project: Project, entry: EditionEntry, dryRun: boolean, source?: EditionSource) => Promise<EditionResult>;

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

/** A result without the rendered edition: what crosses between threads, and what a parallel build keeps. */
export const withoutBuilt = ({ built: _built, ...result }: EditionResult): EditionResult => result;

export async function runEditionTask(project: Project, task: EditionTask, buildOne: BuildOne): Promise<TaskResult> {
  const inputs = task.inputs ?? (await readInputs(project.paths.root, task.entry));
  const result = await buildOne(project, task.entry, false, inputs.source);
  const layout = result.built?.edition.layout;
  const cache = result.ok && layout !== undefined ? cacheEntry(project, inputs, { layout, files: result.files, diagnostics: result.diagnostics }) : undefined;
  return { index: task.index, result, ...(cache ? { cache } : {}) };
}
