// A file written in two steps, emptied and then filled (as `cp`, many editors and fs.writeFile write), gives
// the watcher two events a few milliseconds apart, and chokidar drops a change that comes within 50 ms of
// the last one it reported: without a second look (SETTLE_MS in src/preview/watcher.ts), the preview
// rebuilt with the empty file and kept showing that. Here the file is filled just after watchers were told
// it was emptied, twenty times: without the second look, the first round is lost.
import { truncateSync, watch, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { watchProject, type ProjectWatcher } from '../../src/preview/watcher.js';
import { pollUntil } from '../helpers/wait.js';

let dir: string;
let watcher: ProjectWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
  await rm(dir, { recursive: true, force: true });
});

it('rebuilds with a file written in two steps as it ends, not as its first step left it', async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsletter-settle-'));
  const file = join(dir, 'content', 'e', 'chart.png');
  await mkdir(join(dir, 'content', 'e'), { recursive: true });
  await mkdir(join(dir, 'templates'));
  await writeFile(file, 'x'.repeat(10));
  // the file's size as each plan reaches the preview (which then builds from what is on disk)
  const planned: number[] = [];
  watcher = await watchProject({
    paths: {
      content: join(dir, 'content'),
      templates: join(dir, 'templates'),
      config: join(dir, 'newsletter.config.json'),
      out: join(dir, 'out'),
    },
    root: dir,
    onPlan: async () => void planned.push((await stat(file)).size),
  });
  for (let round = 1; round <= 20; round++) {
    const size = 100 + round;
    const before = planned.length;
    // empty the file; once the file system has told watchers (chokidar's listener runs in the same turn as
    // this one), fill it
    let told = false;
    const probe = watch(file, () => (told = true));
    truncateSync(file, 0);
    await pollUntil(() => told, Boolean, `the file system telling watchers of round ${round}'s emptied file`);
    probe.close();
    await new Promise((resolve) => setImmediate(resolve));
    writeFileSync(file, 'y'.repeat(size));
    const seen = await pollUntil(
      () => planned.slice(before),
      (sizes) => sizes.includes(size),
      `a plan after round ${round}'s file was filled`,
    );
    expect(seen).toContain(size);
  }
});
