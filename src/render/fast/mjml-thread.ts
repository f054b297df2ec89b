// Loading what compiles MJML takes a third of a second. A build that compiles in this thread (one or a few
// editions) starts a thread of its own for it as soon as it knows it will compile, and meanwhile reads,
// parses and renders the editions here: on two cores or more the two overlap. The thread loads MJML's
// parser and juice at once, and MJML itself only when no compiled skeleton is on disk (a first build):
// a rebuild after an article edit finds its skeleton there and never needs MJML. Each compile is then a
// message to that thread and back (compile.ts asks `mjmlThread()` first). Started and stopped through
// render-path.ts, which starts it only on the fast path.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Mjml2Html, SkeletonFolder } from '../mjml-options.js';

type MjmlAsk =
  | { kind: 'whole'; mjml: string; options: object }
  | { kind: 'skeleton'; source: string; skeletons?: SkeletonFolder };

export type MjmlRequest = MjmlAsk & { id: number };
export type MjmlReply =
  { id: number; result: unknown } | { id: number; error: { message: string; stack?: string } };

export interface MjmlThread {
  compile: Mjml2Html;
  /** The HTML by way of the skeleton (render/fast/skeleton-compile.ts), or undefined: compile it whole. */
  skeleton(source: string, skeletons?: SkeletonFolder): Promise<string | undefined>;
}

let current: (MjmlThread & { worker: Worker }) | undefined;

/** What a request gets when the thread stopped before answering it: ask this thread instead (compile.ts). */
export class MjmlThreadStopped extends Error {}

/** Starts the thread, unless there is only one core (the load could not overlap). */
export function startMjmlThread(options: { loadMjml: boolean }): void {
  if (current || availableParallelism() < 2) return;
  const worker = new Worker(new URL('./mjml-thread-worker.js', import.meta.url), { workerData: options });
  worker.unref(); // never what keeps the process alive
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  let stopped: Error | undefined;
  worker.on('message', (reply: MjmlReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply)
      waiting?.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
    else waiting?.resolve(reply.result);
  });
  // once the thread is gone, nothing it was asked will be answered, nor anything asked later: say so
  const fail = (error: Error) => {
    stopped ??= new MjmlThreadStopped(`the MJML thread stopped: ${error.message}`);
    if (current?.worker === worker) current = undefined;
    for (const waiting of pending.values()) waiting.reject(stopped);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
  const ask = <T>(request: MjmlAsk) =>
    new Promise<T>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = next++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
      asked?.resolve();
      asked = undefined;
    });
  current = {
    worker,
    compile: (mjml, options) => ask({ kind: 'whole', mjml: mjml as string, options }),
    skeleton: (source, skeletons) => ask({ kind: 'skeleton', source, ...(skeletons ? { skeletons } : {}) }),
  };
}

let asked: { promise: Promise<void>; resolve: () => void } | undefined;

/**
 * Resolves when this thread next sends the MJML thread something to compile: from then until the answer,
 * this thread has nothing to do for that edition, and can do something else.
 */
export function nextMjmlRequest(): Promise<void> {
  if (!asked) {
    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    asked = { promise, resolve };
  }
  return asked.promise;
}

/** The running MJML thread, if one runs. */
export const mjmlThread = (): MjmlThread | undefined => current;

/** Stops the thread, even mid-load; nothing waits for it to end (it keeps no process alive). */
export function stopMjmlThread(): void {
  void current?.worker.terminate();
  current = undefined;
}
