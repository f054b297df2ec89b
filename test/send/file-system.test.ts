// send where the file system fails it: a dry run into an output folder it cannot write (read-only, or a file
// in the way) and a .env that is a folder each give a diagnostic naming the path, never a bare EROFS,
// ENOTDIR or EISDIR from the system.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempProject, type TempProject } from '../helpers/project.js';
import { smtpEnv } from './smtp-server.js';

const SLUG = 'kursk-talks';
const run = promisify(execFile);

/** Mounts a small tmpfs at `dir`; false where this user may not (not root, or no mount permission). */
async function mountTmpfs(dir: string): Promise<boolean> {
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]);
    return true;
  } catch {
    return false;
  }
}

describe('newsletter send --dry-run into an output folder it cannot write', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await tempProject();
  });
  afterAll(() => project.remove());

  it('with a file where the outbox folder goes: WRITE_FAILED naming the outbox, exit 1', async () => {
    expect((await project.runHere(['build', SLUG])).code).toBe(0);
    await project.write('out/.newsletter/outbox', 'a file in the way\n');
    const result = await project.runHere(['send', SLUG, '--to', 'ann@example.org', '--dry-run']);
    expect(result.stderr).toContain(
      `out/.newsletter/outbox/${SLUG}/ error WRITE_FAILED cannot write the dry run's messages to out/.newsletter/outbox/${SLUG}/: part of the path is a file, not a folder (ENOTDIR)`,
    );
    expect(result.stderr).not.toMatch(/^newsletter: /m);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(1);
    const json = await project.runHere(['send', SLUG, '--to', 'ann@example.org', '--dry-run', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      results: [],
      diagnostics: [
        expect.objectContaining({ code: 'WRITE_FAILED', file: `out/.newsletter/outbox/${SLUG}/` }),
      ],
    });
    await rm(join(project.dir, 'out/.newsletter/outbox'));
  });

  describe('on a read-only file system', () => {
    let mountPoint: string;
    let mounted = false;
    beforeAll(async () => {
      mountPoint = await mkdtemp(join(tmpdir(), 'newsletter-ro-'));
      mounted = await mountTmpfs(mountPoint);
    });
    afterAll(async () => {
      if (mounted) await run('umount', [mountPoint]);
      await rm(mountPoint, { recursive: true, force: true });
    });

    it('WRITE_FAILED naming the outbox, the file system read-only (EROFS), exit 1', async (context) => {
      if (!mounted) {
        console.warn('skipped: mounting a tmpfs needs root (mount -t tmpfs failed)');
        return context.skip('mounting a tmpfs needs root');
      }
      await mkdir(join(mountPoint, 'out'));
      const out = join(mountPoint, 'out');
      expect((await project.runHere(['build', SLUG, '--out', out])).code).toBe(0);
      await run('mount', ['-o', 'remount,ro', mountPoint]);
      const result = await project.runHere([
        'send',
        SLUG,
        '--to',
        'ann@example.org',
        '--dry-run',
        '--out',
        out,
      ]);
      expect(result.stderr).toMatch(
        /outbox\/kursk-talks\/ error WRITE_FAILED cannot write the dry run's messages to \S*outbox\/kursk-talks\/: the file system is read-only \(EROFS\)/,
      );
      expect(result.stderr).not.toMatch(/^newsletter: /m);
      expect(result.code).toBe(1);
    });
  });
});

describe('newsletter send with a .env that is a folder', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await tempProject();
    await mkdir(join(project.dir, '.env'));
  });
  afterAll(() => project.remove());

  it('says it cannot read .env and why, exit 2, instead of a bare EISDIR', async () => {
    const result = await project.runHere(['send', SLUG, '--to', 'ann@example.org'], {
      env: smtpEnv(0, { SMTP_URL: '' }),
    });
    expect(result.stderr).toContain(
      '.env error SMTP_CONFIG cannot read .env: it is a folder, not a file (EISDIR)',
    );
    expect(result.stderr).not.toMatch(/^newsletter: /m);
    expect(result.code).toBe(2);
  });
});
