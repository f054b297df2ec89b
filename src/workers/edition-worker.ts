// A worker thread that builds editions: it loads the project once (config, templates, MJML on first use)
// and then takes each edition it is sent, one at a time, in one of three roles (see pool.ts):
// - "whole": builds the edition the main thread sends, writes its files, and replies to the main thread;
// - "render": assembles and renders the edition the main thread sends (its files already read), and hands
//   it to its "finish" partner through `partner`, without its plain text when the command's HANDOVER (in
//   pipeline.ts) says so;
// - "finish": renders what is left of it, checks and writes it, and replies to the main thread.
// A dry run writes nothing; for `check` (settings.check), the worker that finishes an edition also runs
// check's own rules on it (withChecks).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { HANDOVER, loadStages } from '../pipeline.js';
import { loadProject } from '../project.js';
import type { BuildSettings } from '../edition/results.js';
import { internalError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { injectFault } from '../edition/fault.js';
import { recordThreadCpu } from './thread-cpu.js';
import {
  finishTask,
  renderTask,
  runEditionTask,
  withChecks,
  withoutBuilt,
  type EditionTask,
  type RenderedTask,
  type TaskResult,
} from './edition-task.js';

export type WorkerData = { settings: BuildSettings } & (
  { role: 'whole' } | { role: 'render' | 'finish'; partner: MessagePort }
);

/** What a worker tells the main thread: an edition done (or failed: an exception is its INTERNAL_ERROR). */
export type WorkerReply = TaskResult;

const data = workerData as WorkerData;
const settings = data.settings;
const dryRun = settings.dryRun === true;
const main = parentPort!;
const loading = loadProject(settings);
let queue = Promise.resolve();
// a pair's worker loads its half's libraries while the project loads, before its first edition arrives (a
// failure shows again on first use)
if (data.role !== 'whole') loadStages(data.role).catch(() => undefined);
if (settings.check && data.role !== 'render')
  import('../checks/run-checks.js').then((checks) => checks.loadCheckLibraries()).catch(() => undefined);

type Loaded = NonNullable<Awaited<typeof loading>['project']>;
type Reply = TaskResult | RenderedTask;

if (data.role === 'whole') {
  main.on('message', (task: EditionTask) =>
    runQueuedThenReply(main, failedResult(task), async (project) => {
      injectFault('crash', task.entry.slug);
      const { result, cache } = await runEditionTask(project, task, dryRun);
      const checked = await withChecks(project, task.entry, result, settings);
      // the rendered edition stays here: copying it to the main thread would cost more than it is worth
      return { index: task.index, result: withoutBuilt(checked), ...(cache ? { cache } : {}) };
    }),
  );
} else if (data.role === 'render') {
  const partner = data.partner;
  const handover = HANDOVER[settings.check ? 'check' : 'build'];
  const failedPart =
    (task: EditionTask) =>
    (diagnostics: Diagnostic[]): RenderedTask => ({
      index: task.index,
      entry: task.entry,
      inputs: task.inputs!,
      project: '',
      part: { failed: failedResult(task)(diagnostics).result },
    });
  main.on('message', (task: EditionTask) =>
    runQueuedThenReply(partner, failedPart(task), (project) => {
      injectFault('crash', task.entry.slug);
      return renderTask(project, task, dryRun, handover);
    }),
  );
} else {
  const failedFinish =
    (rendered: RenderedTask) =>
    (diagnostics: Diagnostic[]): TaskResult => ({
      index: rendered.index,
      result: { slug: slugOf(rendered), ok: false, files: [], diagnostics },
    });
  data.partner.on('message', (rendered: RenderedTask) =>
    runQueuedThenReply(main, failedFinish(rendered), async (project) => {
      const { index, result, cache } = await finishTask(project, rendered, dryRun);
      const checked = await withChecks(project, rendered.entry, result, settings);
      return { index, result: withoutBuilt(checked), ...(cache ? { cache } : {}) };
    }),
  );
}

/** The edition fails when the project changed between the main thread's load and this worker's. */
const failedResult =
  (task: EditionTask) =>
  (diagnostics: Diagnostic[]): TaskResult => ({
    index: task.index,
    result: { slug: task.entry.slug, ok: false, files: [], diagnostics },
  });

const slugOf = ({ part }: RenderedTask): string =>
  'failed' in part ? part.failed.slug : part.rendered.edition.slug;

/**
 * Runs `work` after what came before, and posts what it returns (or `failed` with the project's problem). An
 * exception that escaped the pipeline fails that edition alone, reported straight to the main thread.
 */
function runQueuedThenReply(
  to: MessagePort | typeof main,
  failed: (diagnostics: Diagnostic[]) => Reply,
  work: (project: Loaded) => Promise<Reply>,
): void {
  queue = queue.then(async () => {
    let reply: Reply;
    try {
      const loaded = await loading;
      reply = loaded.project ? await work(loaded.project) : failed(loaded.diagnostics);
    } catch (error) {
      const result = failed([internalError(error, `building it in a worker thread (${data.role})`)]);
      const part = 'part' in result ? result.part : undefined;
      main.postMessage(part && 'failed' in part ? { index: result.index, result: part.failed } : result);
      return;
    }
    to.postMessage(reply);
    recordThreadCpu(data.role);
  });
}
