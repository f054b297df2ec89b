import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAllAtomic } from '../../src/output/write.js';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeAllAtomic', () => {
  it('writes every file, creating folders, and leaves no temporary file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-'));
    await writeAllAtomic([
      { path: join(dir, 'a/x.txt'), data: 'x' },
      { path: join(dir, 'b/y.txt'), data: 'y' },
    ]);
    expect(await readFile(join(dir, 'a/x.txt'), 'utf8')).toBe('x');
    expect(await readFile(join(dir, 'b/y.txt'), 'utf8')).toBe('y');
    expect((await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves no temporary file when a rename fails', async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-'));
    await mkdir(join(dir, 'taken/inside'), { recursive: true }); // a folder where a file should go: rename fails
    await expect(
      writeAllAtomic([
        { path: join(dir, 'ok.txt'), data: 'ok' },
        { path: join(dir, 'taken'), data: 'no' },
        { path: join(dir, 'late.txt'), data: 'late' },
      ]),
    ).rejects.toThrow();
    expect((await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces files in a folder that exists, and leaves its other files alone', async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-'));
    await mkdir(join(dir, 'edition'));
    await writeFile(join(dir, 'edition/index.html'), 'old');
    await writeFile(join(dir, 'edition/notes.txt'), 'mine');
    await writeAllAtomic([
      { path: join(dir, 'edition/index.html'), data: 'new' },
      { path: join(dir, 'edition/index.txt'), data: 'text' },
    ]);
    expect(await readFile(join(dir, 'edition/index.html'), 'utf8')).toBe('new');
    expect(await readFile(join(dir, 'edition/index.txt'), 'utf8')).toBe('text');
    expect(await readFile(join(dir, 'edition/notes.txt'), 'utf8')).toBe('mine');
    expect((await readdir(dir, { recursive: true })).sort()).toEqual([
      'edition',
      'edition/index.html',
      'edition/index.txt',
      'edition/notes.txt',
    ]);
  });

  it('writes a new folder whole, even when another new folder of the set is inside it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-'));
    // "a" is staged first; staging "a/b" then creates "a" as its parent, so "a" exists when it is renamed
    await writeAllAtomic([
      { path: join(dir, 'a/y.txt'), data: 'y' },
      { path: join(dir, 'a/b/x.txt'), data: 'x' },
      { path: join(dir, 'c/z.txt'), data: 'z' },
    ]);
    expect(await readFile(join(dir, 'a/y.txt'), 'utf8')).toBe('y');
    expect(await readFile(join(dir, 'a/b/x.txt'), 'utf8')).toBe('x');
    expect(await readFile(join(dir, 'c/z.txt'), 'utf8')).toBe('z');
    expect((await readdir(dir, { recursive: true })).sort()).toEqual([
      'a',
      'a/b',
      'a/b/x.txt',
      'a/y.txt',
      'c',
      'c/z.txt',
    ]);
  });

  it('creates nothing when a file of a new folder cannot be written', async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-'));
    const tooLong = 'n'.repeat(300); // over any file system's limit for a name
    await expect(
      writeAllAtomic([
        { path: join(dir, 'edition/index.html'), data: 'x' },
        { path: join(dir, 'edition', tooLong), data: 'y' },
      ]),
    ).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes a new folder whose name is as long as a file system allows', async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-'));
    const longest = 'e'.repeat(250); // the edition's private file adds ".json": 255 bytes, the usual limit
    await writeAllAtomic([
      { path: join(dir, longest, 'index.html'), data: 'x' },
      { path: join(dir, 'private', `${longest}.json`), data: '{}' },
    ]);
    expect(await readFile(join(dir, longest, 'index.html'), 'utf8')).toBe('x');
    expect((await readdir(dir)).sort()).toEqual([longest, 'private']);
  });
});
