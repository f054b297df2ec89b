// Fault injection, for the tests of per-edition isolation (test/faults/): NEWSLETTER_FAULT lists stages and
// slugs, "render:a,write:b", and the pipeline throws at that stage of that edition, as a bug would. "crash:a"
// ends the worker thread that takes edition a (a worker that runs out of memory). Unset, it costs a lookup.
import { isMainThread } from 'node:worker_threads';

export type FaultStage = 'load' | 'assemble' | 'render' | 'check' | 'write' | 'after' | 'crash';

const faults = (): string[] => process.env.NEWSLETTER_FAULT?.split(',') ?? [];

export function injectFault(stage: FaultStage, slug: string): void {
  if (!faults().includes(`${stage}:${slug}`)) return;
  if (stage === 'crash') {
    if (!isMainThread) process.exit(70); // in a worker thread, ends that thread only
    return;
  }
  throw new Error(`fault injected by NEWSLETTER_FAULT at "${stage}"`);
}
