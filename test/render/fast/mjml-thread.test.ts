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
