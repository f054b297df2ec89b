// The CLI starts the MJML thread before anything else loads (src/workers/early-mjml.ts), but only for a build
// that will surely compile in this process: a first build (no build cache) of fewer editions than take worker
// threads. The thread runs the compiled worker, so this test uses the compiled modules (the test command
// compiles first).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error compiled JavaScript, without declarations
import { MIN_EDITIONS_FOR_WORKERS, startMjmlEarly } from '../../dist/workers/early-mjml.js';
// @ts-expect-error compiled JavaScript, without declarations
import { mjmlThread, stopMjmlThread } from '../../dist/render/fast/mjml-thread.js';
// @ts-expect-error compiled JavaScript, without declarations
import { buildCacheFile } from '../../dist/output/private-dir.js';

describe.skipIf(availableParallelism() < 2)('starting MJML early', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'newsletter-early-'));
  });
  afterEach(async () => {
    stopMjmlThread();
    await rm(root, { recursive: true, force: true });
  });

  async function editions(count: number) {
    for (let i = 0; i < count; i++) await mkdir(join(root, 'content', `issue-${i}`), { recursive: true });
  }

  it('starts the thread for a first build of a few editions', async () => {
    await editions(MIN_EDITIONS_FOR_WORKERS - 1);
    startMjmlEarly({ root });
    expect(mjmlThread()).toBeDefined();
  });

  it('leaves it to the build when there are enough editions for worker threads', async () => {
    await editions(MIN_EDITIONS_FOR_WORKERS);
    startMjmlEarly({ root });
    expect(mjmlThread()).toBeUndefined();
  });

  it('counts the editions asked for by slug, not the content folder', async () => {
    await editions(MIN_EDITIONS_FOR_WORKERS + 2);
    startMjmlEarly({ root, slugs: ['issue-1'] });
    expect(mjmlThread()).toBeDefined();
  });

  it('leaves it to the build when a build cache exists: a rebuild may compile nothing', async () => {
    await editions(1);
    const cache = buildCacheFile(join(root, 'out'));
    await mkdir(dirname(cache), { recursive: true });
    await writeFile(cache, '{}');
    startMjmlEarly({ root });
    expect(mjmlThread()).toBeUndefined();
  });

  it('starts nothing without a content folder: the build will say so, and compile nothing', () => {
    startMjmlEarly({ root });
    expect(mjmlThread()).toBeUndefined();
  });

  it('reads the content and out folders the options name', async () => {
    await mkdir(join(root, 'articles', 'issue-0'), { recursive: true });
    const cache = buildCacheFile(join(root, 'build'));
    startMjmlEarly({ root, content: 'articles', out: 'build' });
    expect(mjmlThread()).toBeDefined();
    stopMjmlThread();
    await mkdir(dirname(cache), { recursive: true });
    await writeFile(cache, '{}');
    startMjmlEarly({ root, content: 'articles', out: 'build' });
    expect(mjmlThread()).toBeUndefined();
  });
});
