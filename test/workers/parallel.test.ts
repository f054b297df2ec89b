// Builds in worker threads, end to end with the real CLI: the same bytes as a build in one thread, whether
// a pair of workers builds every edition (render, then finish: two workers) or a worker that builds whole
// editions takes some too (three), failures reported per edition, and results the incremental cache can use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { corpusEdition, random } from '../../bench/corpus.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const EDITIONS = 10;

function corpus(): Record<string, string> {
  const rand = random(11);
  const files: Record<string, string> = {};
  for (let i = 0; i < EDITIONS; i++) {
    const edition = corpusEdition(i, rand);
    for (const [name, text] of Object.entries(edition.files)) files[`content/${edition.slug}/${name}`] = text;
  }
  return files;
}

/** Every file under out/ except the cache (whose stamps differ between any two builds), with its bytes. */
async function outputFiles(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(join(dir, 'out'), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(join(dir, 'out').length + 1))
    .filter((name) => !name.startsWith(join('.newsletter', 'cache')));
  return new Map(
    await Promise.all(
      names.sort().map(async (name) => [name, await readFile(join(dir, 'out', name))] as const),
    ),
  );
}

describe('parallel build', () => {
  let threaded: TempProject;
  let mixed: TempProject;
  let single: TempProject;

  beforeAll(async () => {
    const files = corpus();
    [threaded, mixed, single] = await Promise.all([
      tempProject(files),
      tempProject(files),
      tempProject(files),
    ]);
  });
  afterAll(async () => {
    await Promise.all([threaded.remove(), mixed.remove(), single.remove()]);
  });

  it('writes the same bytes in worker threads as in one thread', async () => {
    // in this process, one after the other (the environment is the process's)
    const a = await threaded.runHere(['build', '--json'], {
      env: { NEWSLETTER_WORKERS: '2', NEWSLETTER_THREAD_CPU: join(threaded.dir, 'thread-cpu') },
    });
    const s = await mixed.runHere(['build', '--json'], { env: { NEWSLETTER_WORKERS: '3' } });
    const b = await single.runHere(['build', '--json'], { env: { NEWSLETTER_WORKERS: '0' } });
    for (const run of [a, s, b]) expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(a.stdout).workers).toBe(2);
    expect(JSON.parse(s.stdout).workers).toBe(3);
    expect(JSON.parse(b.stdout).workers).toBe(0);
    // results are reported in edition order, whichever thread finished first
    expect(JSON.parse(a.stdout).editions).toEqual(JSON.parse(b.stdout).editions);
    expect(JSON.parse(s.stdout).editions).toEqual(JSON.parse(b.stdout).editions);

    const singleFiles = await outputFiles(single.dir);
    expect(singleFiles.size).toBeGreaterThanOrEqual(EDITIONS * 5); // four public files and one private file each
    for (const project of [threaded, mixed]) {
      const files = await outputFiles(project.dir);
      expect([...files.keys()]).toEqual([...singleFiles.keys()]);
      for (const [name, bytes] of files) expect(bytes.equals(singleFiles.get(name)!), name).toBe(true);
    }

    // NEWSLETTER_THREAD_CPU: each worker of the pair wrote its own thread's CPU time, in ms
    if (process.platform === 'linux') {
      const written = (await readdir(threaded.dir)).filter((name) => name.startsWith('thread-cpu.'));
      expect(written.map((name) => name.replace(/-\d+$/, '')).sort()).toEqual([
        'thread-cpu.finish',
        'thread-cpu.render',
      ]);
      for (const name of written)
        expect(Number(await readFile(join(threaded.dir, name), 'utf8'))).toBeGreaterThan(0);
    }
  });

  it('remembers what a pair and a whole worker built: a second build skips it all', async () => {
    const again = await mixed.runHere(['build', '--json'], { env: { NEWSLETTER_WORKERS: '3' } });
    const report = JSON.parse(again.stdout);
    expect(report.editions.every((e: { cached: boolean }) => e.cached)).toBe(true);
  });

  it('remembers what the workers built: a second build skips it all', async () => {
    const again = await threaded.runHere(['build', '--json'], { env: { NEWSLETTER_WORKERS: '2' } });
    const report = JSON.parse(again.stdout);
    expect(report.editions.every((e: { cached: boolean }) => e.cached)).toBe(true);
    expect(report.workers).toBe(0);
  });

  it('reports a failing edition with its file and line, and builds the others', async () => {
    const slugs = (await readdir(join(threaded.dir, 'content'))).sort();
    // two workers are a pair: the failure comes from the render worker, by way of its partner
    await threaded.write(`content/${slugs[3]}/01-article-1.md`, '---\ntitle: "unclosed\n---\nBody.\n');
    const result = await threaded.runHere(['build', '--force'], { env: { NEWSLETTER_WORKERS: '2' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`content/${slugs[3]}/01-article-1.md:2`);
    expect(result.stderr).toContain(`✗ ${slugs[3]} failed; its previous output is untouched`);
    expect(result.stderr).toMatch(
      new RegExp(
        `Built ${EDITIONS - 1} of ${EDITIONS} editions in [\\d.]+s in 2 worker threads; failed: ${slugs[3]}`,
      ),
    );
    // progress counts up as editions finish
    const counters = [...result.stderr.matchAll(/^\[(\d+)\/10\]/gm)].map((m) => Number(m[1]));
    expect(counters).toEqual(Array.from({ length: EDITIONS }, (_, i) => i + 1));
  });

  it('reports an edition its finish worker cannot write, and builds the others', async () => {
    const slugs = (await readdir(join(mixed.dir, 'content'))).sort();
    await rm(join(mixed.dir, 'out', slugs[5]), { recursive: true });
    await writeFile(join(mixed.dir, 'out', slugs[5]), 'a file where the edition folder goes\n');
    const result = await mixed.runHere(['build', '--force'], { env: { NEWSLETTER_WORKERS: '2' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`out/${slugs[5]} error WRITE_FAILED`));
    expect(result.stderr).toMatch(
      new RegExp(
        `Built ${EDITIONS - 1} of ${EDITIONS} editions in [\\d.]+s in 2 worker threads; failed: ${slugs[5]}`,
      ),
    );
  });
});
