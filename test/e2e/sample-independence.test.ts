// The sample newsletter in content/ is for people: a writer replaces it, or empties it. Nothing in the
// tests or the benchmark may depend on it: they use test/fixtures/ and the benchmark's generated corpus.
// This test proves it on a copy of the repository whose content/ and config are the writer's own.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

/** The tests that use the sample most (goldens, the seed article, the sample build), and the bench's stages. */
const SAMPLE_TESTS = [
  'test/e2e/golden.test.ts',
  'test/e2e/build-sample.test.ts',
  'test/content/text-article.test.ts',
];

async function sourcesUnder(dir: string): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(join(REPO, dir), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
  return Promise.all(
    files.map(async (f) => ({ file: f.slice(REPO.length + 1), text: await readFile(f, 'utf8') })),
  );
}

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  // a clean environment for the inner run: no variables of this test runner
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      args,
      { cwd, env: { ...env, NO_COLOR: '1' }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    ),
  );
}

describe('the repository with content/ emptied and its config replaced', () => {
  let copy: string;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'newsletter-replaced-'));
    for (const part of [
      'bin',
      'dist',
      'src',
      'test',
      'bench',
      'starters',
      'package.json',
      'vitest.config.ts',
      'tsconfig.json',
    ])
      await cp(join(REPO, part), join(copy, part), { recursive: true });
    await symlink(join(REPO, 'node_modules'), join(copy, 'node_modules'));
    // the writer's own newsletter: another identity and, for now, an empty content/ (the strictest case: a
    // test that still read the sample would find nothing)
    await mkdir(join(copy, 'content'));
    await writeFile(
      join(copy, 'newsletter.config.json'),
      JSON.stringify({ name: 'Harbour Letter', from: 'Harbour Letter <editor@harbourletter.net>' }),
    );
  });
  afterAll(() => rm(copy, { recursive: true, force: true }));

  it('no test or benchmark file reads the project content/ or its config', async () => {
    const sources = [...(await sourcesUnder('test')), ...(await sourcesUnder('bench'))];
    const readsProject =
      /join\(\s*REPO\s*,\s*['"`](content|newsletter\.config\.json)\b|['"`](\.\.\/)+content\//;
    expect(sources.filter((s) => readsProject.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('keeps the tests that use the sample passing', { timeout: 300_000 }, async () => {
    const result = await run([join(copy, 'node_modules/vitest/vitest.mjs'), 'run', ...SAMPLE_TESTS], copy);
    expect(result.code, result.stdout.slice(-3000) + result.stderr.slice(-3000)).toBe(0);
    expect(result.stdout).toMatch(/Test Files\s+3 passed/);
  });

  it('keeps the benchmark running on its generated corpus', { timeout: 300_000 }, async () => {
    const stages = await run(['bench/stages.js', '--editions', '10'], copy);
    expect(stages.code, stages.stderr.slice(-3000)).toBe(0);
  });
});
