// Builds editions in worker threads, in pairs: a "render" worker assembles and renders each edition (its
// files read here), and hands it straight to its "finish" partner, which checks and writes it. With an odd
// number of workers, the last builds editions whole. All take editions from one queue, and results come
// back here as they finish and are handed to `onResult`.
//
// Why pairs rather than a whole worker per core: every thread that runs a stage compiles that stage's code
// (V8's optimising compiler, in threads of its own that compete for the same cores) and loads its
// libraries. Two whole workers compile and load everything twice; a pair, each half once. On the benchmark's
// 1000 editions and 2 cores, CPU time fell by a sixth and the build by a tenth.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { BuildOptions, BuildSettings } from '../edition/results.js';
import type { EditionTask, TaskResult } from './edition-task.js';
import type { WorkerData, WorkerReply } from './edition-worker.js';

/** Editions a whole worker holds at once, so that it never waits for the next one. */
const EDITIONS_SENT_AHEAD = 2;
/** Editions a pair holds at once: the render worker must not run dry while its partner finishes. */
const EDITIONS_SENT_AHEAD_TO_PAIR = 8;

/**
 * A worker's heap left to V8's defaults grows far past what it holds (about 35 MB live after each edition):
 * 1000 editions peaked at 450 MB for the process. With an explicit old-space limit V8 collects sooner
 * (270 MB; 512 MB leaves room for an edition far larger than any mail), but then also sizes the young
 * generation down from the heap limit, which costs 10% in time: it is set back to 48 MB (3 x V8's 16 MB
 * semi-space), and editions' short-lived objects die young again. Measured on 300 editions, 2 workers.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 512 };

/** Where tasks go, how many at a time, and whether their files are read here first. */
interface Lane {
  /** The worker this lane's editions are sent to: a whole worker, or a pair's render worker. */
  worker: Worker;
  sentAhead: number;
  readHere: boolean;
}

export async function buildInWorkers(
  options: BuildOptions,
  tasks: readonly EditionTask[],
  workerCount: number,
  /** Reads a task's files, before it goes to a render worker (this thread has the time). */
  read: (task: EditionTask) => Promise<EditionTask>,
  onResult: (done: TaskResult) => void,
): Promise<void> {
  const queue = [...tasks];
  const workers: Worker[] = [];
  const start = (data: WorkerData, transfer: MessagePort[] = []) => {
    const worker = new Worker(new URL('./edition-worker.js', import.meta.url), {
      workerData: data,
      transferList: transfer,
      resourceLimits: WORKER_LIMITS,
    });
    workers.push(worker);
    return worker;
  };
  try {
    await new Promise<void>((resolve, fail) => {
      let pending = tasks.length;
      let failed = false;
      const reject = (error: unknown) => {
        failed = true; // nothing more is handed out
        fail(error);
      };
      const feed = (lane: Lane) => {
        const task = failed ? undefined : queue.shift();
        if (!task) return;
        if (lane.readHere) read(task).then((withFiles) => lane.worker.postMessage(withFiles), reject);
        else lane.worker.postMessage(task);
      };
      // every result comes back here, from a whole worker or a pair's finish worker
      const listen = (worker: Worker, lane: Lane) => {
        worker.on('message', (reply: WorkerReply) => {
          if ('error' in reply)
            return reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
          onResult(reply);
          if (--pending === 0) return resolve();
          feed(lane);
        });
        worker.on('error', reject);
        worker.on(
          'exit',
          (code) => pending > 0 && reject(new Error(`a build worker stopped (exit code ${code})`)),
        );
      };

      const settings = workerSettings(options);
      const lanes: Lane[] = [];
      for (let pair = 0; pair < Math.floor(workerCount / 2); pair++) {
        const { port1, port2 } = new MessageChannel();
        const render = start({ settings, role: 'render', partner: port1 }, [port1]);
        const finish = start({ settings, role: 'finish', partner: port2 }, [port2]);
        const lane = { worker: render, sentAhead: EDITIONS_SENT_AHEAD_TO_PAIR, readHere: true };
        listen(render, lane); // its exceptions only: its editions go to its partner
        listen(finish, lane);
        lanes.push(lane);
      }
      if (workerCount % 2 === 1) {
        const whole = start({ settings, role: 'whole' });
        const lane = { worker: whole, sentAhead: EDITIONS_SENT_AHEAD, readHere: false };
        listen(whole, lane);
        lanes.push(lane);
      }
      for (const lane of lanes) for (let n = 0; n < lane.sentAhead; n++) feed(lane);
    });
  } finally {
    // not awaited: every result is in, and waiting for the threads to stop kept the archive waiting ~30 ms
    for (const worker of workers) void worker.terminate();
  }
}

/**
 * Every option of the build crosses to the workers but its callbacks, which cannot (they run here, as the
 * results come back). Taking all the other keys, rather than naming them, is what lets an option added
 * later reach the workers without anyone remembering to list it here.
 */
export function workerSettings(options: BuildOptions): BuildSettings {
  const { onEdition: _onEdition, afterEdition: _afterEdition, ...settings } = options;
  return { ...settings, root: settings.root ?? process.cwd() };
}
