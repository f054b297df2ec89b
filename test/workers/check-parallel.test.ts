// `check` in worker threads: with 8 editions or more it builds and checks them in the worker pool (a pair, and
// with three workers a whole worker too), and must find exactly what it finds in one thread, in the same
// order: the build's findings, an edition that fails before it renders, the check-only rules (accessibility,
// contrast), an exception in check's rules, all of it; and it writes nothing unless --out is given.
import { access, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusEdition, random } from '../../bench/corpus.js';
import { check } from '../../dist/check.js';
import { tempProject, type RunResult, type TempProject } from '../helpers/project.js';
import { withIdentity } from '../helpers/sample-config.js';

const EDITIONS = 10;
const PARAGRAPH = 'A paragraph of ordinary prose that tells the reader something worth the time it takes. ';
const FAULT = 'after:2000-01-04-issue-0004'; // an exception in check's rules, for one edition

function corpus(): Record<string, string> {
  const rand = random(5);
  const files: Record<string, string> = {};
  for (let i = 0; i < EDITIONS; i++) {
    const edition = corpusEdition(i, rand);
    for (const [name, text] of Object.entries(edition.files)) files[`content/${edition.slug}/${name}`] = text;
  }
  return {
    ...files,
    // fails while its articles are read: the render worker's failure
    'content/zz-broken.md': '---\ntitle: "never closed\ndek: A line\n---\nText.\n',
    // a link that says nothing out of context (check only) and one over http: (build too)
    'content/zz-vague.md': `---\ntitle: Vague\ndek: A line that says what the piece adds to the edition\n---\n${PARAGRAPH}\n\n[Click here](https://example.org/guide). Also [this](http://example.org/x).\n`,
    // a muted colour too light on white: a contrast error (check only) in every edition
    'newsletter.config.json': withIdentity('{\n  "colors": { "muted": "#AAAAAA" }\n}\n'),
  };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
type Found = { slug: string; ok: boolean; diagnostics: { code: string; severity: string; file?: string }[] };
const codes = (editions: Found[], slug: string) =>
  editions.find((e) => e.slug === slug)!.diagnostics.map((d) => d.code);

describe('check in worker threads', () => {
  let threaded: TempProject;
  let mixed: TempProject;
  let single: TempProject;
  let written: TempProject;

  beforeAll(async () => {
    const files = corpus();
    [threaded, mixed, single, written] = await Promise.all([
      tempProject(files),
      tempProject(files),
      tempProject(files),
      tempProject(files),
    ]);
  });
  afterAll(async () => {
    await Promise.all([threaded, mixed, single, written].map((p) => p?.remove()));
  });
  // what one thread finds without a fault: the same for the two tests that compare with it, so checked once
  let oneThread: Promise<RunResult> | undefined;
  const inOneThread = () =>
    (oneThread ??= single.runHere(['check', '--json'], { env: { NEWSLETTER_WORKERS: '0' } }));

  it('finds the same as in one thread, in the same order, and writes nothing', async () => {
    // in this process, one after the other (the environment is the process's)
    const pair = await threaded.runHere(['check', '--json'], { env: { NEWSLETTER_FAULT: FAULT } });
    const whole = await mixed.runHere(['check', '--json'], {
      env: { NEWSLETTER_FAULT: FAULT, NEWSLETTER_WORKERS: '3' },
    });
    const one = await single.runHere(['check', '--json'], {
      env: { NEWSLETTER_FAULT: FAULT, NEWSLETTER_WORKERS: '0' },
    });
    for (const run of [pair, whole, one]) expect(run.code, run.stderr).toBe(1);
    const expected = JSON.parse(one.stdout);
    // what one thread finds is what the test means it to find
    expect(expected.editions).toHaveLength(EDITIONS + 2);
    expect(codes(expected.editions, 'zz-broken')).toEqual(['FRONT_MATTER_YAML']);
    expect(codes(expected.editions, 'zz-vague')).toEqual(
      expect.arrayContaining(['LINK_INSECURE', 'A11Y_LINK_TEXT', 'A11Y_CONTRAST']),
    );
    expect(codes(expected.editions, '2000-01-01-issue-0001')).toContain('A11Y_CONTRAST');
    expect(codes(expected.editions, '2000-01-04-issue-0004').at(-1)).toBe('INTERNAL_ERROR');
    expect(codes(expected.editions, '2000-01-04-issue-0004')).not.toContain('A11Y_CONTRAST');
    // and so do the workers, byte for byte
    expect(pair.stdout).toBe(one.stdout);
    expect(whole.stdout).toBe(one.stdout);
    // a folder nothing was written into
    for (const project of [threaded, mixed, single])
      expect(await exists(join(project.dir, 'out'))).toBe(false);
  });

  it.skipIf(availableParallelism() < 2)(
    'uses the worker pool by itself for 8 editions or more, and finds the same',
    async () => {
      const report = await check({ root: threaded.dir });
      expect(report.workers).toBeGreaterThanOrEqual(2);
      const one = await inOneThread();
      expect(JSON.parse(JSON.stringify(report.editions))).toEqual(JSON.parse(one.stdout).editions);
      expect(await exists(join(threaded.dir, 'out'))).toBe(false);
    },
  );

  it('writes with --out as build does, check-only findings kept out of the manifests', async () => {
    const run = await written.runHere(['check', '--json', '--out', 'public'], {
      env: { NEWSLETTER_WORKERS: '2' },
    });
    expect(run.code, run.stderr).toBe(1);
    const one = await inOneThread();
    expect(JSON.parse(run.stdout).editions).toEqual(JSON.parse(one.stdout).editions);
    expect((await readdir(join(written.dir, 'public/zz-vague'))).sort()).toEqual([
      'index.html',
      'index.txt',
      'manifest.json',
      'message.eml',
    ]);
    const manifest = JSON.parse(await written.read('public/zz-vague/manifest.json'));
    expect(manifest.diagnostics.map((d: { code: string }) => d.code)).toEqual(['LINK_INSECURE']);
    expect(await exists(join(written.dir, 'out'))).toBe(false);
  });
});
