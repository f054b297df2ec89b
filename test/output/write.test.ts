import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAllAtomic } from '../../src/output/write.js';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeAllAtomic', () => {
  it('writes every file, creating folders, and leaves no temporary file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-'));
    await writeAllAtomic([{ path: join(dir, 'a/x.txt'), data: 'x' }, { path: join(dir, 'b/y.txt'), data: 'y' }]);
    expect(await readFile(join(dir, 'a/x.txt'), 'utf8')).toBe('x');
    expect(await readFile(join(dir, 'b/y.txt'), 'utf8')).toBe('y');
    expect((await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves no temporary file when a rename fails', async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-'));
    await mkdir(join(dir, 'taken/inside'), { recursive: true }); // a folder where a file should go: rename fails
    await expect(writeAllAtomic([{ path: join(dir, 'ok.txt'), data: 'ok' }, { path: join(dir, 'taken'), data: 'no' }, { path: join(dir, 'late.txt'), data: 'late' }])).rejects.toThrow();
    expect((await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
