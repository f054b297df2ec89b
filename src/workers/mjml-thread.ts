// MJML takes about a third of a second to load. A build that compiles in this thread (one or a few
// editions) starts MJML loading in a thread of its own as soon as it knows it will compile, and meanwhile
// reads, parses and renders the editions here: on two cores or more the two overlap. Each compile is then
// a message to that thread and back (render/mjml.ts asks `mjmlThread()` first).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Mjml2Html } from '../render/mjml.js';

export type MjmlReply = { id: number; result: Awaited<ReturnType<Mjml2Html>> } | { id: number; error: { message: string; stack?: string } };

let current: { compile: Mjml2Html; worker: Worker } | undefined;

/** Starts loading MJML in another thread, unless there is only one core (the load could not overlap). */
export function startMjmlThread(): void {
  if (current || availableParallelism() < 2) return;
  const worker = new Worker(new URL('./mjml-thread-worker.js', import.meta.url));
  worker.unref(); // never what keeps the process alive
  const pending = new Map<number, { resolve: (value: Awaited<ReturnType<Mjml2Html>>) => void; reject: (error: Error) => void }>();
  let next = 0;
  worker.on('message', (reply: MjmlReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) waiting?.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
    else waiting?.resolve(reply.result);
  });
  const fail = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the MJML thread stopped (exit code ${code})`)));
  const compile: Mjml2Html = (mjml, options) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, mjml, options });
    });
  current = { compile, worker };
}

/** The compile function of the running MJML thread, if one runs. */
export const mjmlThread = (): Mjml2Html | undefined => current?.compile;

/** Stops the thread, even mid-load; nothing waits for it to end (it keeps no process alive). */
export function stopMjmlThread(): void {
  void current?.worker.terminate();
  current = undefined;
}
