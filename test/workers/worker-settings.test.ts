// What the worker threads of a parallel build are given: every option of the build but its callbacks, so
// that an option added later (say one that changes the output) reaches editions built in workers too,
// not only those built in the main thread. Before, the pool named five location fields and dropped the rest.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { BuildOptions } from '../../src/edition/results.js';
import { workerSettings } from '../../src/workers/pool.js';

const options = {
  root: '/project',
  content: 'content',
  templates: 'templates',
  out: 'public',
  config: 'newsletter.config.json',
  slugs: ['a', 'b'],
  incremental: true,
  parallel: true,
  // what check asks of each edition, which the workers run its rules by
  check: { clients: ['gmail.*', 'outlook.windows'], online: true, spam: true },
  onEdition: () => undefined,
  afterEdition: async (result) => result,
  // an option no part of the build knows yet
  imagineNewOption: { width: 640 },
} as BuildOptions & { imagineNewOption: { width: number } };

describe('the settings a build worker gets', () => {
  it('are every option of the build, a new one too, less the callbacks', () => {
    const { onEdition: _o, afterEdition: _a, ...data } = options;
    expect(workerSettings(options)).toEqual(data);
  });

  it('cross into a real worker thread intact', async () => {
    const worker = new Worker(
      "const { parentPort, workerData } = require('node:worker_threads'); parentPort.postMessage(workerData);",
      { eval: true, workerData: { settings: workerSettings(options) } },
    );
    const [received] = await once(worker, 'message');
    await worker.terminate();
    expect(received.settings.imagineNewOption).toEqual({ width: 640 });
    expect(received.settings.slugs).toEqual(['a', 'b']);
    expect(received.settings.check).toEqual({
      clients: ['gmail.*', 'outlook.windows'],
      online: true,
      spam: true,
    });
  });

  it("are a check's too: a dry run, its rules' settings, and check's own options", () => {
    const checking = {
      root: '/project',
      out: 'public',
      dryRun: true,
      parallel: true,
      check: { online: true, spam: false },
      strict: true,
      timeout: '3',
      afterEdition: async (result) => result,
    } as BuildOptions & { strict: boolean; timeout: string };
    expect(workerSettings(checking)).toEqual({
      root: '/project',
      out: 'public',
      dryRun: true,
      parallel: true,
      check: { online: true, spam: false },
      strict: true,
      timeout: '3',
    });
  });
});
