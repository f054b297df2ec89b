// A read-only and a full file system under out/: a small tmpfs mounted for the test (as root; where mounting
// is not permitted the tests are skipped, and say why). Every write that fails is WRITE_FAILED at its path,
// never a crash: the summary and --json come out, each edition's last good output stays whole, nothing
// temporary is left behind, and once the disk has room again the next build writes everything.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { editionState, leftovers } from './out-state.js';

/** Whether this process may mount a tmpfs (root, and a kernel and sandbox that allow it), else why not. */
async function mountable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (process.platform !== 'linux') return { ok: false, reason: 'tmpfs mounts need Linux' };
  const probe = await mkdtemp(join(tmpdir(), 'mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return { ok: true };
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    return { ok: false, reason: `cannot mount a tmpfs here (${stderr || (error as Error).message})` };
  } finally {
    await rm(probe, { recursive: true, force: true });
  }
}

const mount = await mountable();
if (!mount.ok) console.warn(`test/faults/filesystem.test.ts: skipped: ${mount.reason}; run as root on Linux`);

const article = (title: string) =>
  `---\ntitle: ${title}\ndek: A dek long enough to fill the inbox line beside the subject\n---\nThe body of ${title}.\n`;
const noStack = /\n\s+at /;

/** The newsletter's name changed too, which the archive page shows: so that the archive has to be written
 *  again (one that would show the same is not written at all). */
async function renameNewsletter(project: TempProject): Promise<void> {
  const config = JSON.parse(await project.read('newsletter.config.json')) as { name: string };
  await project.write('newsletter.config.json', JSON.stringify({ ...config, name: `${config.name} Weekly` }));
}

describe.skipIf(!mount.ok)(
  `a read-only and a full out/${mount.ok ? '' : ` (skipped: ${mount.reason})`}`,
  () => {
    let project: TempProject;
    let out: string;
    beforeEach(async () => {
      project = await tempProject({ 'content/a.md': article('A v1'), 'content/b.md': article('B v1') });
      out = join(project.dir, 'out');
      await mkdir(out);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', out]);
    });
    afterEach(async () => {
      execFileSync('umount', ['-l', out]);
      await project.remove();
    });

    it('read-only: every edition fails with WRITE_FAILED at its folder, and the build ends with its summary', async () => {
      expect((await project.runHere(['build'])).code).toBe(0);
      execFileSync('mount', ['-o', 'remount,ro', out]);
      await project.write('content/a.md', article('A v2'));
      await project.write('content/b.md', article('B v2'));
      await renameNewsletter(project);

      const result = await project.runHere(['build']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/out\/a error WRITE_FAILED EROFS: read-only file system/);
      expect(result.stderr).toMatch(/out\/b error WRITE_FAILED EROFS/);
      expect(result.stderr).toMatch(/out\/index\.html error WRITE_FAILED cannot write the archive: EROFS/);
      expect(result.stderr).toMatch(/Built 0 of 2 editions in [\d.]+s; failed: a, b/);
      expect(result.stderr).not.toMatch(noStack);
      const json = await project.runHere(['build', '--json']);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout);
      expect(
        report.editions.map((e: { diagnostics: { code: string }[] }) => e.diagnostics.map((d) => d.code)),
      ).toEqual([['WRITE_FAILED'], ['WRITE_FAILED']]);
      // the last good output, whole
      expect(editionState(out, 'a')).toEqual({ state: 'complete', subject: 'A v1' });
      expect(editionState(out, 'b')).toEqual({ state: 'complete', subject: 'B v1' });

      execFileSync('mount', ['-o', 'remount,rw', out]);
      const again = await project.runHere(['build']);
      expect(again.code, again.stderr).toBe(0);
      expect(editionState(out, 'a')).toEqual({ state: 'complete', subject: 'A v2' });
      expect(leftovers(out)).toEqual([]);
    });

    it('a read-only cache: a warning, and the editions and the archive are written', async () => {
      expect((await project.runHere(['build'])).code).toBe(0);
      const cache = join(out, '.newsletter', 'cache');
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', cache]);
      try {
        await project.write('content/a.md', article('A v2'));
        const result = await project.runHere(['build']);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toMatch(
          /out\/\.newsletter\/cache\/editions\.json warning WRITE_FAILED cannot save the build cache: EROFS/,
        );
        expect(result.stderr).toMatch(/Built 2 of 2 editions in [\d.]+s\n/); // the cache is empty now: all rebuilt
        expect(result.stderr).not.toMatch(noStack);
        expect(editionState(out, 'a')).toEqual({ state: 'complete', subject: 'A v2' });
        expect(await project.read('out/index.html')).toContain('A v2');
      } finally {
        execFileSync('umount', ['-l', cache]);
      }
    });

    it('full: editions that do not fit fail with ENOSPC and keep their last output; with room again, all is written', async () => {
      expect((await project.runHere(['build'])).code).toBe(0);
      await project.write('content/a.md', article('A v2'));
      await project.write('content/b.md', article('B v2'));
      await renameNewsletter(project);
      // fill the disk, all but a few kilobytes
      const filler = join(out, 'filler');
      await writeFile(filler, '');
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k', 'count=100000'], { stdio: 'ignore' });
      } catch {
        // dd stops with "No space left on device": the disk is full, as wanted
      }
      const result = await project.runHere(['build', '--json']);
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(noStack);
      const report = JSON.parse(result.stdout);
      for (const slug of ['a', 'b']) {
        const e = report.editions.find((x: { slug: string }) => x.slug === slug);
        expect(e.ok).toBe(false);
        expect(e.diagnostics).toContainEqual(
          expect.objectContaining({
            code: 'WRITE_FAILED',
            file: `out/${slug}`,
            message: expect.stringMatching(/^ENOSPC/),
          }),
        );
      }
      expect(report.diagnostics.map((d: { code: string }) => d.code)).toContain('WRITE_FAILED');
      expect(editionState(out, 'a')).toEqual({ state: 'complete', subject: 'A v1' });
      expect(editionState(out, 'b')).toEqual({ state: 'complete', subject: 'B v1' });
      expect(leftovers(out)).toEqual([]);

      await rm(filler);
      const again = await project.runHere(['build']);
      expect(again.code, again.stderr).toBe(0);
      expect(editionState(out, 'a')).toEqual({ state: 'complete', subject: 'A v2' });
      expect(editionState(out, 'b')).toEqual({ state: 'complete', subject: 'B v2' });
      expect(leftovers(out)).toEqual([]);
    });
  },
);
