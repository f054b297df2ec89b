// The watcher on a tree with hostile symbolic links: loops and a link out of the project are never entered,
// and what it cannot watch comes back as a WATCH_FAILED warning naming the path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { watchProblem, watchProject, type ProjectWatcher } from '../../src/preview/watcher.js';
import type { ChangePlan } from '../../src/preview/changes.js';

describe('watchProject on symbolic links', () => {
  let root: string;
  let outside: string;
  let watcher: ProjectWatcher;
  const plans: ChangePlan[] = [];

  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'newsletter-watch-')));
    outside = await realpath(await mkdtemp(join(tmpdir(), 'newsletter-outside-')));
    await writeFile(join(outside, 'secret.md'), '---\ntitle: Not yours\n---\nBody.\n');
    await mkdir(join(root, 'content/ed'), { recursive: true });
    await mkdir(join(root, 'templates'));
    await writeFile(join(root, 'content/ed/01-a.md'), '---\ntitle: A\n---\nBody.\n');
    await symlink('..', join(root, 'content/ed/up'));
    await symlink('b', join(root, 'content/ed/a'));
    await symlink('a', join(root, 'content/ed/b'));
    await symlink(outside, join(root, 'content/ed/elsewhere'));
    const problems: unknown[] = [];
    watcher = await watchProject({
      root,
      paths: {
        content: join(root, 'content'),
        templates: join(root, 'templates'),
        config: join(root, 'newsletter.config.json'),
        out: join(root, 'out'),
      },
      onPlan: async (plan) => void plans.push(plan),
      onProblem: (problem) => problems.push(problem),
    });
    expect(problems).toEqual([]);
  });
  afterAll(async () => {
    await watcher?.close();
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('watches the tree without entering a link: nothing outside the project, nothing through a loop', () => {
    const watched = watcher.watched();
    expect(watched).toContain(join(root, 'content/ed/01-a.md'));
    expect(watched.filter((p) => p.startsWith(outside + sep) || p === outside)).toEqual([]);
    expect(watched.filter((p) => p.startsWith(join(root, 'content/ed/elsewhere') + sep))).toEqual([]);
    expect(watched.filter((p) => p.startsWith(join(root, 'content/ed/up') + sep))).toEqual([]);
    expect(watched.every((p) => p === root || p.startsWith(root + sep) || root.startsWith(p))).toBe(true);
  });

  it('still sees a save in the edition', async () => {
    await writeFile(join(root, 'content/ed/01-a.md'), '---\ntitle: A again\n---\nBody.\n');
    const deadline = Date.now() + 15_000;
    while (!plans.some((p) => p.slugs.has('ed')) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(plans.some((p) => p.slugs.has('ed'))).toBe(true);
  });
});

describe('watchProblem', () => {
  const error = (code: string, path: string) =>
    Object.assign(new Error(`${code}: failed, '${path}'`), { code, path });

  it('names the path and says why, as a warning', () => {
    expect(watchProblem(error('EACCES', '/p/content/ed/private'), '/p')).toEqual({
      code: 'WATCH_FAILED',
      severity: 'warning',
      message: 'cannot watch content/ed/private: permission denied (EACCES)',
      file: 'content/ed/private',
      hint: expect.stringContaining('restart the preview'),
    });
    expect(watchProblem(error('ENOSPC', '/p/content'), '/p').message).toBe(
      'cannot watch content: the system limit on watched files is reached (ENOSPC)',
    );
    expect(watchProblem(new Error('odd'), '/p')).toMatchObject({ message: 'cannot watch a file: odd' });
  });
});
