// An edition's files replaced as one unit (src/output/swap.ts), and what a later build makes of a swap that
// a kill cut short: each state a kill can leave, made by hand, finished or rolled back by recoverOut.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recoverOut, swapEdition } from '../../src/output/swap.js';
import type { OutputFile } from '../../src/output/edition-output.js';
import { editionState, leftovers, privateSubject } from '../faults/out-state.js';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'swap-'));
});
afterEach(() => rm(out, { recursive: true, force: true }));

/** An edition's files as build makes them, with `subject` in each (editionState reads it back). */
function files(slug: string, subject: string): OutputFile[] {
  const html = `<html><title>${subject}</title></html>`;
  const text = `Field Notes\n\n${subject}\n`;
  const eml = `Subject: ${subject}\r\n\r\nbody\r\n`;
  const manifest = {
    slug,
    subject,
    files: {
      'index.html': { bytes: Buffer.byteLength(html) },
      'index.txt': { bytes: Buffer.byteLength(text) },
      'message.eml': { bytes: Buffer.byteLength(eml) },
    },
  };
  return [
    { path: join(out, slug, 'index.html'), data: html },
    { path: join(out, slug, 'index.txt'), data: text },
    { path: join(out, slug, 'message.eml'), data: eml },
    { path: join(out, slug, 'manifest.json'), data: JSON.stringify(manifest) },
    { path: join(out, '.newsletter', 'editions', `${slug}.json`), data: JSON.stringify({ subject }) },
  ];
}

/** A pid no process has: one that just ended. */
function deadPid(): number {
  return Number(
    spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim(),
  );
}

const temp = (pid: number, id: string) => `.nl-${pid}-${id.padEnd(12, '0')}.tmp`;

/** The state a kill leaves at each step of a swap of edition "a" from "old" to "new", by hand. */
async function interrupted(pid: number, step: 'staged' | 'aside' | 'carried' | 'in' | 'private') {
  swapEdition(out, 'a', files('a', 'old'));
  await writeFile(join(out, 'a', 'extra.css'), 'mine');
  const staged = temp(pid, 'aaaa');
  const aside = temp(pid, 'bbbb');
  const privateStaged = temp(pid, 'cccc');
  // 1. the new files staged
  await mkdir(join(out, staged));
  for (const file of files('a', 'new').slice(0, 4))
    await writeFile(join(out, staged, file.path.split('/').pop()!), file.data);
  await writeFile(join(out, '.newsletter', 'editions', privateStaged), JSON.stringify({ subject: 'new' }));
  // 2. the journal
  const journal = {
    slug: 'a',
    staged,
    aside,
    privateStaged,
    written: ['index.html', 'index.txt', 'message.eml', 'manifest.json'],
  };
  await writeFile(join(out, '.newsletter', `swap-${pid}-${'d'.repeat(12)}.json`), JSON.stringify(journal));
  if (step === 'staged') return;
  // 3. the old folder aside
  await import('node:fs').then((fs) => fs.renameSync(join(out, 'a'), join(out, aside)));
  if (step === 'aside') return;
  // 4. what build did not write, carried
  await import('node:fs').then((fs) =>
    fs.renameSync(join(out, aside, 'extra.css'), join(out, staged, 'extra.css')),
  );
  if (step === 'carried') return;
  // 5. the new folder in
  await import('node:fs').then((fs) => fs.renameSync(join(out, staged), join(out, 'a')));
  if (step === 'in') return;
  // 6. the private file in
  await import('node:fs').then((fs) =>
    fs.renameSync(
      join(out, '.newsletter', 'editions', privateStaged),
      join(out, '.newsletter', 'editions', 'a.json'),
    ),
  );
}

describe('swapEdition', () => {
  it('writes a new edition whole, with its private file, and leaves nothing behind', async () => {
    swapEdition(out, 'a', files('a', 'first'));
    expect(editionState(out, 'a')).toEqual({ state: 'complete', subject: 'first' });
    expect(privateSubject(out, 'a')).toBe('first');
    expect(leftovers(out)).toEqual([]);
  });

  it('replaces the folder whole, keeps what build did not write, and drops old temporary files', async () => {
    swapEdition(out, 'a', files('a', 'first'));
    await writeFile(join(out, 'a', 'extra.css'), 'mine');
    await mkdir(join(out, 'a', 'export', 'kit'), { recursive: true });
    await writeFile(join(out, 'a', 'export', 'kit', 'index.html'), 'exported');
    await writeFile(join(out, 'a', '.0123456789ab.tmp'), 'left by an older newsletter');
    swapEdition(out, 'a', files('a', 'second'));
    expect(editionState(out, 'a')).toEqual({ state: 'complete', subject: 'second' });
    expect(privateSubject(out, 'a')).toBe('second');
    expect(await readFile(join(out, 'a', 'extra.css'), 'utf8')).toBe('mine');
    expect(await readFile(join(out, 'a', 'export', 'kit', 'index.html'), 'utf8')).toBe('exported');
    expect((await readdir(join(out, 'a'))).sort()).toEqual([
      'export',
      'extra.css',
      'index.html',
      'index.txt',
      'manifest.json',
      'message.eml',
    ]);
    expect(leftovers(out)).toEqual([]);
    expect((await readdir(join(out, '.newsletter'))).sort()).toEqual(['editions']); // no journal left
  });

  it.each([
    ['out/<slug>', 'a'],
    ['out/.newsletter', '.newsletter'],
    ['out/.newsletter/editions', '.newsletter/editions'],
  ])('refuses to write through a symbolic link at %s', async (_, path) => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'elsewhere-'));
    try {
      await mkdir(join(out, path, '..'), { recursive: true });
      await symlink(elsewhere, join(out, path));
      expect(() => swapEdition(out, 'a', files('a', 'x'))).toThrow(/symbolic link/);
      expect(await readdir(elsewhere)).toEqual([]);
      expect(leftovers(out)).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('recoverOut after a swap cut short', () => {
  it.each([
    ['before the old folder moved: rolled back', 'staged', 'old'],
    ['with the old folder aside: finished', 'aside', 'new'],
    ['while carrying: finished', 'carried', 'new'],
    ['with the new folder in: finished', 'in', 'new'],
    ['with the private file in: finished', 'private', 'new'],
  ] as const)('%s', async (_, step, subject) => {
    const pid = deadPid();
    await interrupted(pid, step);
    expect(recoverOut(out)).toEqual([]);
    expect(editionState(out, 'a')).toEqual({ state: 'complete', subject });
    expect(privateSubject(out, 'a')).toBe(subject);
    expect(await readFile(join(out, 'a', 'extra.css'), 'utf8')).toBe('mine');
    expect(leftovers(out)).toEqual([]);
  });

  it('removes a journal cut short while it was written, and the staged files with it', async () => {
    const pid = deadPid();
    swapEdition(out, 'a', files('a', 'old'));
    await mkdir(join(out, temp(pid, 'aaaa')));
    await writeFile(join(out, temp(pid, 'aaaa'), 'index.html'), 'half');
    await writeFile(join(out, '.newsletter', `swap-${pid}-${'d'.repeat(12)}.json`), '{"slug": "a", "sta');
    expect(recoverOut(out)).toEqual([]);
    expect(editionState(out, 'a')).toEqual({ state: 'complete', subject: 'old' });
    expect(leftovers(out)).toEqual([]);
  });

  it('leaves what a running process is writing alone', async () => {
    await interrupted(process.ppid, 'aside');
    const before = leftovers(out);
    expect(recoverOut(out)).toEqual([]);
    expect(leftovers(out)).toEqual(before);
    expect(editionState(out, 'a')).toEqual({ state: 'missing' });
  });

  it('removes temporary files of processes that are gone, in out/ and in out/.newsletter/', async () => {
    const pid = deadPid();
    swapEdition(out, 'a', files('a', 'old'));
    await mkdir(join(out, '.newsletter', 'cache'), { recursive: true });
    for (const path of [
      temp(pid, '1'),
      `.newsletter/editions/${temp(pid, '2')}`,
      `.newsletter/cache/${temp(pid, '3')}`,
    ])
      await writeFile(join(out, path), 'left');
    await mkdir(join(out, temp(pid, '4')));
    expect(leftovers(out)).toHaveLength(4);
    expect(recoverOut(out)).toEqual([]);
    expect(leftovers(out)).toEqual([]);
    expect(editionState(out, 'a')).toEqual({ state: 'complete', subject: 'old' });
  });

  it('removes the temporary files of older versions once they are ten minutes old', async () => {
    await mkdir(out, { recursive: true });
    await writeFile(join(out, '.0123456789ab.tmp'), 'old');
    await writeFile(join(out, '.ba9876543210.tmp'), 'new');
    const past = new Date(Date.now() - 11 * 60 * 1000);
    await utimes(join(out, '.0123456789ab.tmp'), past, past);
    recoverOut(out);
    expect(leftovers(out)).toEqual(['.ba9876543210.tmp']);
  });

  it('does nothing where there is no out folder, or it is a file', async () => {
    expect(recoverOut(join(out, 'none'))).toEqual([]);
    await writeFile(join(out, 'file'), 'x');
    expect(recoverOut(join(out, 'file'))).toEqual([]);
  });
});
