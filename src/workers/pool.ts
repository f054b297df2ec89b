// Builds editions in worker threads, in pairs: a "render" worker assembles and renders each edition (its
// files read here), and hands it straight to its "finish" partner, which checks and writes it (where one
// ends and the other starts is chosen per command: HANDOVER in pipeline.ts). With an odd number of workers,
// the last builds editions whole. All take editions from one queue, and results come back here as they
// finish and are handed to `onResult`.
//
// Why pairs rather than a whole worker per core: every thread that runs a stage compiles that stage's code
// (V8's optimising compiler, in threads of its own that compete for the same cores) and loads its
// libraries. Two whole workers compile and load everything twice; a pair, each half once. On the benchmark's
// 1000 editions and 2 cores, CPU time fell by a sixth and the build by a tenth.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { BuildOptions, BuildSettings } from '../edition/results.js';
import type { EditionTask, TaskResult } from './edition-task.js';
import type { WorkerData, WorkerReply } from './edition-worker.js';
import { resolve as resolvePath } from 'node:path';
import { displayPath } from '../content/discover.js';
import { internalError } from '../diagnostics/diagnostic.js';

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

/** A worker that stops (it ran out of memory, or crashed) is replaced, this many times in a build at most. */
const MAX_REPLACEMENTS = 4;

/** Where tasks go, how many at a time, and whether their files are read here first. */
interface Lane {
  /** The worker this lane's editions are sent to: a whole worker, or a pair's render worker. */
  worker: Worker;
  workers: Worker[];
  sentAhead: number;
  readHere: boolean;
  /** Tasks handed to this lane and not yet reported, by index. */
  held: Map<number, EditionTask>;
  /** Its workers stopped: it takes nothing more. */
  stopped: boolean;
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
  /** Tasks a stopped worker held: each goes again, alone in its lane, so that a second stop names the edition. */
  const retries: EditionTask[] = [];
  const retried = new Set<number>();
  const workers: Worker[] = [];
  let replacements = 0;
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
      const lanes: Lane[] = [];
      const settings = workerSettings(options);
      const root = resolvePath(settings.root!);
      const report = (done: TaskResult) => {
        onResult(done);
        if (--pending === 0) resolve();
      };
      const feed = (lane: Lane) => {
        while (!lane.stopped && pending > 0) {
          // a task that was in a stopped worker's hands goes alone: if it stops this one too, it is the cause
          const solo = [...lane.held.values()].some((task) => retried.has(task.index));
          if (solo) return;
          let task: EditionTask | undefined;
          if (retries.length > 0) {
            if (lane.held.size > 0) return;
            task = retries.shift();
          } else if (lane.held.size < lane.sentAhead) task = queue.shift();
          if (!task) return;
          lane.held.set(task.index, task);
          if (lane.readHere && !task.inputs)
            read(task).then(
              (withFiles) => {
                if (lane.stopped) return; // the task went back to the queue with the rest of the lane's
                lane.held.set(task.index, withFiles);
                lane.worker.postMessage(withFiles);
              },
              (error) => lost(lane, task, error as Error),
            );
          else lane.worker.postMessage(task);
        }
      };
      /** A task that cannot be built here at all: its edition fails, the others go on. */
      const lost = (lane: Lane, task: EditionTask, error: Error) => {
        if (lane.stopped || !lane.held.delete(task.index)) return;
        report(failedTask(root, task, error, 'reading its files'));
        feed(lane);
      };
      /** A worker of the lane stopped: its partner goes too, and what the lane held goes again (or fails). */
      const stopped = (lane: Lane, why: Error) => {
        if (lane.stopped) return;
        lane.stopped = true;
        for (const worker of lane.workers) void worker.terminate();
        for (const task of lane.held.values()) {
          if (retried.has(task.index)) report(failedTask(root, task, why, 'building it in a worker thread'));
          else {
            retried.add(task.index);
            retries.push(task);
          }
        }
        lane.held.clear();
        if (pending === 0) return;
        if (replacements < MAX_REPLACEMENTS) {
          replacements++;
          const replacement = lane.workers.length === 2 ? pairLane() : wholeLane();
          lanes.push(replacement);
        }
        const running = lanes.filter((l) => !l.stopped);
        if (running.length === 0) {
          // no worker left to take them: every edition not yet built fails, and the build goes on to its end
          for (const task of [...retries.splice(0), ...queue.splice(0)])
            report(failedTask(root, task, why, 'building it in a worker thread'));
          return;
        }
        for (const l of running) feed(l);
      };
      // every result comes back here, from a whole worker or a pair's finish worker
      const listen = (worker: Worker, lane: Lane) => {
        worker.on('message', (reply: WorkerReply) => {
          if (!lane.held.delete(reply.index)) return; // already given up on, with its lane
          report(reply);
          feed(lane);
        });
        worker.on('error', (error) => stopped(lane, error));
        worker.on('exit', (code) => {
          if (pending === 0) return;
          const why = new Error(`a build worker stopped (exit code ${code})`);
          // exit code 0: a finish worker whose partner died (its port closed, nothing keeps it running); the
          // partner's own exit, with the reason, is on its way: it goes first
          if (code === 0) setTimeout(() => stopped(lane, why), 100);
          else stopped(lane, why);
        });
      };
      const pairLane = (): Lane => {
        const { port1, port2 } = new MessageChannel();
        const render = start({ settings, role: 'render', partner: port1 }, [port1]);
        const finish = start({ settings, role: 'finish', partner: port2 }, [port2]);
        const lane: Lane = {
          worker: render,
          workers: [render, finish],
          sentAhead: EDITIONS_SENT_AHEAD_TO_PAIR,
          readHere: true,
          held: new Map(),
          stopped: false,
        };
        listen(render, lane); // its failures only: its editions go to its partner
        listen(finish, lane);
        feed(lane);
        return lane;
      };
      const wholeLane = (): Lane => {
        const whole = start({ settings, role: 'whole' });
        const lane: Lane = {
          worker: whole,
          workers: [whole],
          sentAhead: EDITIONS_SENT_AHEAD,
          readHere: false,
          held: new Map(),
          stopped: false,
        };
        listen(whole, lane);
        feed(lane);
        return lane;
      };

      try {
        for (let pair = 0; pair < Math.floor(workerCount / 2); pair++) lanes.push(pairLane());
        if (workerCount % 2 === 1) lanes.push(wholeLane());
      } catch (error) {
        fail(error); // no worker could start at all
      }
    });
  } finally {
    // not awaited: every result is in, and waiting for the threads to stop kept the archive waiting ~30 ms
    for (const worker of workers) void worker.terminate();
  }
}

/** An edition no worker could build: its INTERNAL_ERROR. */
function failedTask(root: string, task: EditionTask, error: Error, stage: string): TaskResult {
  const file = `${displayPath(root, task.entry.path)}${task.entry.folder ? '/' : ''}`;
  return {
    index: task.index,
    result: {
      slug: task.entry.slug,
      ok: false,
      files: [],
      diagnostics: [internalError(error, stage, { file })],
    },
  };
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
