// The editions part of a build: skip what is current (incremental), build the rest in worker threads when
// there are many (one per core, in pairs: see pool.ts) or in this thread when there are few, and remember
// what was built. A dry run (check) builds the same way, writing and remembering nothing.
import { availableParallelism } from 'node:os';
import type { BuildOptions, EditionResult } from '../edition/results.js';

import { BuildCache } from '../cache/build-cache.js';
import type { EditionEntry } from '../cache/inputs.js';
import type { FileStamp } from '../cache/stamps.js';
import type { Project } from '../project.js';
import {
  runEditionTask,
  withChecks,
  withInputs,
  withoutBuilt,
  type EditionTask,
  type TaskResult,
} from './edition-task.js';
import { buildEdition, entryLabel } from '../pipeline.js';
import { internalError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { handOver, hasStoredSkeletons, startMjmlThread, stopMjmlThread } from '../render/render-path.js';
import { skeletonDirIn } from '../output/private-dir.js';
import { buildInWorkers } from './pool.js';
import { MIN_EDITIONS_FOR_WORKERS } from './early-mjml.js';

export async function buildEditions(
  project: Project,
  entries: readonly EditionEntry[],
  options: BuildOptions,
): Promise<{
  editions: EditionResult[];
  workers: number;
  diagnostics: Diagnostic[];
  /** The output stamps of the editions found current (BuildCache.checkedStamps), for the archive. */
  checked?: ReadonlyMap<string, FileStamp>;
}> {
  const results: EditionResult[] = new Array(entries.length);
  const afterEdition = options.afterEdition;
  // check's own rules, where they did not run already (in a worker), and what the caller runs on each edition
  // are part of that edition: an exception there is its INTERNAL_ERROR too
  const after = async (entry: EditionEntry, result: EditionResult): Promise<EditionResult> => {
    const checked = await withChecks(project, entry, result, options);
    if (!afterEdition) return checked;
    try {
      return await afterEdition(checked);
    } catch (error) {
      const { built: _built, ...rest } = checked;
      return {
        ...rest,
        ok: false,
        diagnostics: [
          ...checked.diagnostics,
          internalError(error, 'checking it', { file: entryLabel(project, entry) }),
        ],
      };
    }
  };
  let reported = 0;
  const report = (index: number, result: EditionResult) => {
    results[index] = result;
    options.onEdition?.(result, reported++, entries.length);
  };

  try {
    const incremental = !options.dryRun && options.incremental === true;
    // with no compiled skeleton on disk, this build needs MJML itself: the thread loads it at once (a dry run,
    // such as check, reads the skeletons a build left, and writes none)
    const thread = { loadMjml: !hasStoredSkeletons(skeletonDirIn(project.paths.out)) };
    // a dry run writes nothing, so it has no cache: every edition is built
    const cache = options.dryRun ? undefined : await BuildCache.open(project);
    // When this thread will probably compile (few editions, or an incremental build, which mostly finds few
    // changed), MJML starts loading in another thread at the first stale edition, while the rest of the cache
    // is checked (see mjml-thread.ts). A build with nothing to do never starts it.
    const probablyCompilesHere =
      entries.length < MIN_EDITIONS_FOR_WORKERS || (incremental && cache!.size > entries.length / 2);
    const done = ({ index, result, cache: entry }: TaskResult) => {
      if (entry) cache?.record(result.slug, entry);
      // a parallel build keeps no rendered editions, wherever they were built: a thousand would not fit
      report(index, options.parallel ? withoutBuilt(result) : result);
    };
    /** Builds an edition in this thread, and reports it. */
    const buildHere = async (task: EditionTask): Promise<void> => {
      let finished: TaskResult;
      try {
        // a dry run reads its files in the pipeline, and keeps no stamps of them for a cache
        finished = options.dryRun
          ? { index: task.index, result: await buildEdition(project, task.entry, true) }
          : await runEditionTask(project, task);
      } catch (error) {
        // reading its inputs threw (the pipeline itself never does): this edition fails, the build goes on
        const failure = internalError(error, 'reading its files', {
          file: entryLabel(project, task.entry),
        });
        finished = {
          index: task.index,
          result: { slug: task.entry.slug, ok: false, files: [], diagnostics: [failure] },
        };
      }
      done({ ...finished, result: await after(task.entry, finished.result) });
    };

    const tasks: EditionTask[] = [];
    // The first edition whose content changed, in a build that will probably compile here: built at once.
    // While MJML compiles it in its thread, this thread, idle until then, checks the rest of the cache.
    let early: Promise<void> | undefined;
    for (const [index, entry] of entries.entries()) {
      if (entry.problems?.length) {
        // a slug made twice, or reserved: fails before anything is read, and is never taken for current
        report(index, { slug: entry.slug, ok: false, files: [], diagnostics: entry.problems });
        continue;
      }
      const freshness = incremental ? await cache!.check(entry) : { stale: true as const };
      if ('fresh' in freshness) {
        const { files, diagnostics } = freshness.fresh;
        report(index, { slug: entry.slug, ok: true, files, diagnostics, cached: true });
      } else {
        if (probablyCompilesHere) startMjmlThread(thread);
        const task = { index, entry, ...(freshness.inputs ? { inputs: freshness.inputs } : {}) };
        if (early === undefined && probablyCompilesHere && freshness.inputs) {
          const started = handOver(() => buildHere(task));
          early = started.work;
          await started.handedOver;
        } else tasks.push(task);
      }
    }

    const workers = workerCount(tasks.length, options);
    // not needed here after all (the edition built early keeps it until the end)
    if (workers > 0 && !early) stopMjmlThread();
    let here = workers > 0 ? [] : tasks;
    if (workers > 0) {
      // results come back as editions finish; the caller's hook runs on each meanwhile (no `built` to hold)
      const received = new Set<number>();
      const afters: Promise<void>[] = [];
      const fromWorker = (finished: TaskResult) => {
        received.add(finished.index);
        const entry = entries[finished.index]!;
        afters.push(after(entry, finished.result).then((result) => done({ ...finished, result })));
      };
      try {
        await buildInWorkers(options, tasks, workers, (task) => withInputs(project, task), fromWorker);
      } catch {
        // no worker thread could start (the system's limits): what is left is built here instead
        here = tasks.filter((task) => !received.has(task.index));
      }
      await Promise.all(afters);
    }
    // the cache will be saved: its entries are serialized now, while the edition built early compiles
    if (early) cache?.prepareSave();
    await early;
    if (here.length > 0) {
      startMjmlThread(thread);
      for (const task of here) await buildHere(task);
    }
    // a cache that cannot be saved costs the next build its skipping, nothing else: a warning
    const saved = cache ? await cache.save() : [];
    return {
      editions: results,
      workers,
      diagnostics: [...(cache?.diagnostics ?? []), ...saved],
      ...(cache ? { checked: cache.checkedStamps } : {}),
    };
  } finally {
    stopMjmlThread();
  }
}

/** One worker per core. NEWSLETTER_WORKERS overrides the count (0: build in this thread), e.g. to compare or to debug. */
function workerCount(editions: number, options: BuildOptions): number {
  const override = Number.parseInt(process.env.NEWSLETTER_WORKERS ?? '', 10);
  if (!options.parallel || editions === 0) return 0;
  if (Number.isInteger(override) && override >= 0) return Math.min(override, editions);
  if (editions < MIN_EDITIONS_FOR_WORKERS || availableParallelism() < 2) return 0;
  return Math.min(availableParallelism(), Math.ceil(editions / MIN_EDITIONS_FOR_WORKERS));
}
