// A changed build of newsletter never trusts output the old code made, even at the same version number: the
// cache key holds the code that runs, which for bin/newsletter.js is the bundle (cache/tool.ts). Run from a
// copy of the package, so that changing its code touches no other test.
import { execFile } from 'node:child_process';
import {
  appendFile,
  cp,
  mkdtemp,
  open,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, SAMPLE } from '../helpers/project.js';
import { pollUntil } from '../helpers/wait.js';

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

  // The code's digest is kept (out/.newsletter/cache/code.json) under its files' stamps, and only for files
  // that had not changed for a second when they were read: so the code must be that old first.
  it('keeps the digest of the code, and still sees a change that keeps its size and modification time', async () => {
    const bundle = join(dir, 'package/dist/bundle');
    const files = (await readdir(bundle)).filter((name) => name.endsWith('.js'));
    const newest = async () =>
      Math.max(...(await Promise.all(files.map(async (f) => (await stat(join(bundle, f))).ctimeMs))));
    await pollUntil(newest, (ctime) => Date.now() - ctime > 1500, 'the copied code to be over a second old');
    await rm(join(dir, 'project/out'), { recursive: true, force: true });
    expect((await build()).editions.every((e) => !e.cached)).toBe(true);
    const kept = JSON.parse(await readFile(join(dir, 'project/out/.newsletter/cache/code.json'), 'utf8'));
    expect(kept.stamps).toHaveLength(files.length);
    expect((await build()).editions.every((e) => e.cached)).toBe(true);

    // one byte changed in place, its modification time put back: only the change time tells
    const chunk = files.find((name) => name.startsWith('chunk-'))!;
    const before = await stat(join(bundle, chunk));
    const handle = await open(join(bundle, chunk), 'r+');
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, before.size - 1);
    await handle.write(last[0] === 0x20 ? '\n' : ' ', before.size - 1); // whitespace: the code still runs
    await handle.close();
    await utimes(join(bundle, chunk), before.atime, before.mtime);
    expect((await stat(join(bundle, chunk))).size).toBe(before.size);
    expect((await build()).editions.every((e) => !e.cached)).toBe(true);
  });
});
