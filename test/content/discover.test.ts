// Reading an edition's files: a file that cannot be read (here a permission the test fakes, since the tests
// may run as root, who may read anything) is READ_FAILED naming it, and the edition fails alone; the rest of
// its files are still read.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listContent, readEdition } from '../../src/content/discover.js';
import { assembleEdition } from '../../src/edition/assemble.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    openSync: (path: string, flags: string) => {
      if (String(path).includes('locked'))
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      return fs.openSync(path, flags);
    },
  };
});

let root: string;
afterEach(() => rm(root, { recursive: true, force: true }));

describe('readEdition', () => {
  it('reports a file it cannot read as READ_FAILED, and reads the others', async () => {
    root = await mkdtemp(join(tmpdir(), 'discover-'));
    await mkdir(join(root, 'content/e'), { recursive: true });
    await writeFile(join(root, 'content/e/01-locked.md'), '---\ntitle: Locked\n---\nBody.\n');
    await writeFile(join(root, 'content/e/02-open.md'), '---\ntitle: Open\n---\nBody.\n');
    const source = await readEdition(root, { slug: 'e', path: join(root, 'content/e'), folder: true });
    expect(source.articles.map((a) => a.file)).toEqual(['content/e/02-open.md']);
    expect(source.diagnostics).toEqual([
      expect.objectContaining({
        code: 'READ_FAILED',
        severity: 'error',
        file: 'content/e/01-locked.md',
        message: expect.stringContaining('EACCES'),
      }),
    ]);
    const assembled = await assembleEdition(source, DEFAULT_CONFIG);
    expect(assembled.edition).toBeUndefined();
    expect(assembled.diagnostics.map((d) => d.code)).toEqual(['READ_FAILED']);
  });

  it('reports an edition folder it cannot list', async () => {
    root = await mkdtemp(join(tmpdir(), 'discover-'));
    const source = await readEdition(root, { slug: 'gone', path: join(root, 'content/gone'), folder: true });
    expect(source.diagnostics).toEqual([
      expect.objectContaining({ code: 'READ_FAILED', file: 'content/gone/' }),
    ]);
  });
});

describe('listContent', () => {
  it('gives each slug one entry, failing those made twice or reserved', async () => {
    root = await mkdtemp(join(tmpdir(), 'discover-'));
    await mkdir(join(root, 'content/a'), { recursive: true });
    for (const name of ['a.md', 'a.txt', 'b.md', 'feed.xml.md', '_draft.md', '.hidden.md'])
      await writeFile(join(root, 'content', name), 'x');
    const { editions } = await listContent(join(root, 'content'), root);
    expect(editions.map((e) => [e.slug, e.problems?.map((p) => p.code) ?? []])).toEqual([
      ['a', ['DUPLICATE_SLUG']],
      ['b', []],
      ['feed.xml', ['SLUG_RESERVED']],
    ]);
  });
});
