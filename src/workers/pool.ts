// Builds editions in worker threads. The first worker only renders: it reads, assembles and renders each
// edition, and this thread checks and writes it (`finish`), so that the main thread, otherwise idle, does
// half of every edition. Any further worker ("whole") builds its editions from end to end and writes them
// itself. All take editions from one queue, and results are handed to `onResult` as they finish.
//
// Why split rather than run one whole worker per core: every thread that runs a stage compiles that stage's
// code (V8's optimising compiler, in threads of its own) and loads its libraries. Two whole workers on two
// cores each compile and load everything, and the compiler competes with them for the cores; a render
// worker and this thread each compile half. On 1000 editions and 2 cores, CPU time fell by a fifth.
import { Worker } from 'node:worker_threads';
import type { ProjectOptions } from '../project.js';
import type { EditionTask, RenderedTask, TaskResult } from './edition-task.js';
import type { WorkerData } from './edition-worker.js';

export type WorkerReply = TaskResult | RenderedTask | { index: number; error: { message: string; stack?: string } };

/** Editions a whole worker holds at once, so that it never waits for the next one. */
const IN_HAND = 2;
/**
 * Editions given to the render worker and not yet finished here. More than a whole worker's: this thread
 * takes the next rendered edition only between two it finishes, and the worker must not run dry meanwhile.
 */
const IN_HAND_RENDER = 8;

/**
 * A worker's heap left to V8's defaults grows far past what it holds (about 35 MB live after each edition):
 * 1000 editions peaked at 450 MB for the process. With an explicit old-space limit V8 collects sooner
 * (270 MB; 512 MB leaves room for an edition far larger than any mail), but then also sizes the young
 * generation down from the heap limit, which costs 10% in time: it is set back to 48 MB (3 x V8's 16 MB
 * semi-space), and editions' short-lived objects die young again. Measured on 300 editions, 2 workers.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 512 };

export async function buildInWorkers(
  options: ProjectOptions,
  tasks: readonly EditionTask[],
  workerCount: number,
  finish: (rendered: RenderedTask) => Promise<TaskResult>,
  onResult: (done: TaskResult) => void,
): Promise<void> {
  const queue = [...tasks];
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, fail) => {
      let pending = tasks.length;
      let failed = false;
      const reject = (error: unknown) => {
        failed = true; // nothing more is finished here, nor handed out
        fail(error);
      };
      const settle = (done: TaskResult) => {
        onResult(done);
        if (--pending === 0) resolve();
      };
      const feed = (worker: Worker) => {
        const task = failed ? undefined : queue.shift();
        if (task) worker.postMessage(task);
      };

      // the render worker's editions are finished here one at a time, in the order they arrive
      const rendered: RenderedTask[] = [];
      let finishing = false;
      const finishAll = async (renderer: Worker) => {
        if (finishing) return;
        finishing = true;
        while (rendered.length > 0 && !failed) {
          const done = await finish(rendered.shift()!);
          feed(renderer);
          settle(done);
        }
        finishing = false;
      };

      for (let i = 0; i < workerCount; i++) {
        const role: WorkerData['role'] = i === 0 ? 'render' : 'whole';
        const workerData: WorkerData = { project: projectOptions(options), role };
        const worker = new Worker(new URL('./edition-worker.js', import.meta.url), { workerData, resourceLimits: WORKER_LIMITS });
        workers.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          if ('error' in reply) return reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
          if ('part' in reply) {
            rendered.push(reply);
            finishAll(worker).catch(reject);
            return;
          }
          settle(reply);
          feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => pending > 0 && reject(new Error(`a build worker stopped (exit code ${code})`)));
        for (let n = 0; n < (role === 'render' ? IN_HAND_RENDER : IN_HAND); n++) feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Only what locates the project crosses to the workers (the build's callbacks cannot). */
const projectOptions = ({ root, content, templates, out, config }: ProjectOptions): ProjectOptions =>
  ({ root: root ?? process.cwd(), content, templates, out, config });
