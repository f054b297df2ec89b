// realFolder() checks its folders at every call: a process that builds more than once (preview) must not
// write through a folder that became a symbolic link since it last looked.
import { afterEach, expect, it } from 'vitest';
import { mkdtemp, rm, symlink, mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realFolder, RefusedPath } from '../../src/output/real-folder.js';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

it('makes the folders, and refuses one that became a symbolic link after an earlier call', async () => {
  dir = await mkdtemp(join(tmpdir(), 'real-folder-'));
  const out = join(dir, 'out');
  expect(realFolder(out, '.newsletter', 'editions')).toBe(join(out, '.newsletter', 'editions'));
  expect((await stat(join(out, '.newsletter', 'editions'))).isDirectory()).toBe(true);

  await rm(join(out, '.newsletter'), { recursive: true });
  await mkdir(join(dir, 'elsewhere'));
  await symlink(join(dir, 'elsewhere'), join(out, '.newsletter'));
  expect(() => realFolder(out, '.newsletter', 'editions')).toThrow(RefusedPath);
  expect(() => realFolder(out, '.newsletter', 'editions')).toThrow(/\.newsletter is a symbolic link/);
});
