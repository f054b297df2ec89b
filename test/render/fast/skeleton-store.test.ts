// The compiled skeletons kept on disk (src/render/fast/skeleton-store.ts) stay bounded, and what a killed
// process left half-written is cleared, without touching what another process may be writing now.
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prune, storedSkeleton, storeSkeleton } from '../../../src/render/fast/skeleton-store.js';

describe('skeletons kept on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsletter-skeletons-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps the newest 200 and drops the oldest', async () => {
    for (let i = 0; i < 203; i++) {
      await writeFile(join(dir, `k${i}.html`), 'x');
      const time = new Date(Date.UTC(2026, 0, 1) + i * 1000);
      await utimes(join(dir, `k${i}.html`), time, time);
    }
    prune(dir);
    const left = await readdir(dir);
    expect(left).toHaveLength(200);
    expect(left).not.toContain('k0.html');
    expect(left).not.toContain('k2.html');
    expect(left).toContain('k3.html');
    expect(left).toContain('k202.html');
  });

  it('removes temporary files left long ago, and leaves a fresh one alone', async () => {
    await writeFile(join(dir, 'old.html.1.a.tmp'), 'half');
    const old = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(join(dir, 'old.html.1.a.tmp'), old, old);
    await writeFile(join(dir, 'new.html.2.b.tmp'), 'being written');
    storeSkeleton('fresh', '<html>fresh</html>', { dir, write: true }); // a new skeleton is when the folder is pruned
    expect((await readdir(dir)).sort()).toEqual(['fresh.html', 'new.html.2.b.tmp']);
    expect(storedSkeleton('fresh', { dir, write: true })).toBe('<html>fresh</html>');
  });

  // check and build --dry-run write nothing into out/, but a skeleton a build left saves them loading MJML
  it('reads skeletons, and writes none, for a build that writes nothing', async () => {
    storeSkeleton('kept', '<html>kept</html>', { dir, write: true });
    storeSkeleton('dry', '<html>dry</html>', { dir, write: false });
    expect(await readdir(dir)).toEqual(['kept.html']);
    const other = await mkdtemp(join(tmpdir(), 'newsletter-skeletons-'));
    try {
      // a skeleton in this thread's memory is found anywhere; one on disk is read from the folder
      await writeFile(
        join(other, 'ondisk.html'),
        (await readFile(join(dir, 'kept.html'), 'utf8')).replace('kept', 'x'),
      );
      expect(storedSkeleton('ondisk', { dir: other, write: false })).toBeUndefined(); // its hash line no longer matches
      await writeFile(join(other, 'ondisk.html'), await readFile(join(dir, 'kept.html'), 'utf8'));
      expect(storedSkeleton('ondisk', { dir: other, write: false })).toBe('<html>kept</html>');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
