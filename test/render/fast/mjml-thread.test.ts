// The MJML thread of a small build (src/render/fast/mjml-thread.ts) compiles for the main thread. If it stops
// (it crashed, or ran out of memory), nothing may wait for it forever: what was asked, and anything asked
// later, is compiled in the main thread instead. The thread runs the compiled worker, so this test uses the
// compiled modules too (the test command compiles first).
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error compiled JavaScript, without declarations
import { mjmlThread, startMjmlThread, stopMjmlThread } from '../../../dist/render/fast/mjml-thread.js';
// @ts-expect-error compiled JavaScript, without declarations
import { compileMjml } from '../../../dist/render/mjml.js';
// @ts-expect-error compiled JavaScript, without declarations
import { handOver, mjmlThreadAsked } from '../../../dist/render/render-path.js';

const SOURCE =
  '<mjml><mj-body><mj-section><mj-column><mj-text>Hello</mj-text></mj-column></mj-section></mj-body></mjml>';
const rendered = { output: SOURCE, origin: (line: number) => ({ file: 'default.mjml.hbs', line }) };
const templates = { layouts: [], partials: [] };

describe.skipIf(availableParallelism() < 2)('an MJML thread that stops', () => {
  afterEach(() => stopMjmlThread());

  it('leaves no compile waiting: they are done in this thread', async () => {
    startMjmlThread({ loadMjml: false });
    const thread = mjmlThread() as { worker: Worker; skeleton(source: string): Promise<string | undefined> };
    const exited = new Promise((resolve) => thread.worker.once('exit', resolve));
    const asked = compileMjml(rendered, templates); // sent to the thread, which stops before it answers
    await thread.worker.terminate();
    await exited;

    expect(mjmlThread()).toBeUndefined();
    await expect(thread.skeleton(SOURCE)).rejects.toThrow(/stopped/); // asked later: no answer will ever come
    const [before, after] = [await asked, await compileMjml(rendered, templates)];
    expect(before.diagnostics).toEqual([]);
    expect(before.html).toContain('Hello');
    expect(after.html).toBe(before.html);
  });
});

// A render waits for its document to reach the MJML thread before it renders the text (render-edition.ts),
// in a Promise.race. Without a thread, that promise would never settle, and a race on it keeps each racer's
// result alive for good: a build worker kept every edition's HTML (600 MB at 5000 editions). So there is
// none to wait for; with a thread, it settles as the thread is asked.
describe('waiting for the MJML thread to be asked', () => {
  afterEach(() => stopMjmlThread());

  it('is nothing to wait for without a thread, and settles when the thread is asked', async () => {
    stopMjmlThread();
    expect(mjmlThreadAsked()).toBeUndefined();
    startMjmlThread({ loadMjml: false });
    const asked = mjmlThreadAsked();
    expect(asked).toBeInstanceOf(Promise);
    const compiled = compileMjml(rendered, templates);
    await asked;
    expect((await compiled).html).toContain('Hello');
  });

  it('frees this thread, without one, only when the work is over', async () => {
    stopMjmlThread();
    let finish!: () => void;
    const { work, handedOver } = handOver(() => new Promise<void>((resolve) => (finish = resolve)));
    let free = false;
    void (handedOver as Promise<unknown>).then(() => (free = true));
    await new Promise((resolve) => setImmediate(resolve)); // every settled promise has run its callbacks
    expect(free).toBe(false);
    finish();
    await work;
    await handedOver;
    expect(free).toBe(true);
  });

  it('frees this thread, with one, once the work has handed it its document', async () => {
    startMjmlThread({ loadMjml: false });
    const { work, handedOver } = handOver(() => compileMjml(rendered, templates));
    await handedOver;
    expect((await work).html).toContain('Hello');
  });
});
