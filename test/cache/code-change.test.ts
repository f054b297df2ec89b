// A changed build of newsletter never trusts output the old code made, even at the same version number: the
// cache key holds the code that runs, which for bin/newsletter.js is the bundle (cache/tool.ts). Run from a
// copy of the package, so that changing its code touches no other test.
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, SAMPLE } from '../helpers/project.js';

interface Report {
  editions: { slug: string; cached: boolean }[];
}

describe('the build cache and the code that runs', () => {
  let dir: string;
  const build = () =>
    new Promise<Report>((resolve, reject) =>
      execFile(
        process.execPath,
        [join(dir, 'package/bin/newsletter.js'), 'build', '--json'],
        { cwd: join(dir, 'project'), env: { ...process.env, NO_COLOR: '1' } },
        (error, stdout, stderr) =>
          error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout) as Report),
      ),
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsletter-code-'));
    for (const part of ['bin', 'dist/bundle', 'package.json'])
      await cp(join(REPO, part), join(dir, 'package', part), { recursive: true });
    await symlink(join(REPO, 'node_modules'), join(dir, 'package/node_modules'));
    await cp(join(REPO, 'starters', 'digest'), join(dir, 'project/templates'), { recursive: true });
    for (const part of ['content', 'newsletter.config.json'])
      await cp(join(SAMPLE, part), join(dir, 'project', part), { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('rebuilds every edition when the bundle changes, and only then', async () => {
    expect((await build()).editions.every((e) => !e.cached)).toBe(true);
    expect((await build()).editions.every((e) => e.cached)).toBe(true);
    const chunk = (await readdir(join(dir, 'package/dist/bundle'))).find(
      (name) => name.startsWith('chunk-') && name.endsWith('.js'),
    )!;
    await appendFile(join(dir, 'package/dist/bundle', chunk), '\n// a changed build\n');
    expect((await build()).editions.every((e) => !e.cached)).toBe(true);
  });
});
