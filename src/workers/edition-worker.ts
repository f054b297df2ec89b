// A worker thread that builds editions: it loads the project once (config, templates, MJML on first use)
// and then takes each edition the main thread sends, one at a time. A "whole" worker builds it and writes
// its files itself; a "render" worker reads, assembles and renders it, and hands it back to the main thread
// to check and write (see pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { loadProject, type ProjectOptions } from '../project.js';
import { renderTask, runEditionTask, withoutBuilt, type EditionTask } from './edition-task.js';
import type { WorkerReply } from './pool.js';

export interface WorkerData {
  project: ProjectOptions;
  role: 'whole' | 'render';
}

const port = parentPort!;
const { project: options, role } = workerData as WorkerData;
const loading = loadProject(options);
let queue = Promise.resolve();

port.on('message', (task: EditionTask) => {
  queue = queue.then(() => handle(task));
});

async function handle(task: EditionTask): Promise<void> {
  let reply: WorkerReply;
  try {
    const loaded = await loading;
    if (!loaded.project) {
      // the project changed between the main thread's load and ours: report it on the edition
      reply = { index: task.index, result: { slug: task.entry.slug, ok: false, files: [], diagnostics: loaded.diagnostics } };
    } else if (role === 'render') {
      reply = await renderTask(loaded.project, task);
    } else {
      const { result, cache } = await runEditionTask(loaded.project, task);
      // the rendered edition stays here: copying it to the main thread would cost more than it is worth
      reply = { index: task.index, result: withoutBuilt(result), ...(cache ? { cache } : {}) };
    }
  } catch (error) {
    const e = error as Error;
    reply = { index: task.index, error: { message: e.message, stack: e.stack } };
  }
  port.postMessage(reply);
}
