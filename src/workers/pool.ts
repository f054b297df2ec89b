// Builds editions in worker threads, one per core. Each worker keeps two editions in hand, so it never
// waits for the next one; results come back as they finish and are handed to `onResult`.
import { Worker } from 'node:worker_threads';
import type { ProjectOptions } from '../project.js';
import type { EditionTask, TaskResult } from './edition-task.js';

export type WorkerReply = TaskResult | { index: number; error: { message: string; stack?: string } };

const IN_HAND = 2;

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
  onResult: (done: TaskResult) => void,
): Promise<void> {
  const queue = [...tasks];
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let pending = tasks.length;
      const feed = (worker: Worker) => {
        const task = queue.shift();
        if (task) worker.postMessage(task);
      };
      for (let i = 0; i < workerCount; i++) {
        const worker = new Worker(new URL('./edition-worker.js', import.meta.url), { workerData: projectOptions(options), resourceLimits: WORKER_LIMITS });
        workers.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          if ('error' in reply) return reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
          onResult(reply);
          if (--pending === 0) return resolve();
          feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => pending > 0 && reject(new Error(`a build worker stopped (exit code ${code})`)));
        for (let n = 0; n < IN_HAND; n++) feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Only what locates the project crosses to the workers (the build's callbacks cannot). */
const projectOptions = ({ root, content, templates, out, config }: ProjectOptions): ProjectOptions =>
  ({ root: root ?? process.cwd(), content, templates, out, config });
