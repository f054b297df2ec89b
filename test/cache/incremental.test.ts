// Incremental builds, end to end with the real CLI: what is skipped, what is rebuilt, and that a cache that
// is stale, tampered with or corrupt is never trusted.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempProject, type TempProject } from '../helpers/project.js';
import { withIdentity } from '../helpers/sample-config.js';
import { writeCorpus } from '../../bench/corpus.js';
import { loadProject } from '../../src/project.js';
import { BuildCache } from '../../src/cache/build-cache.js';
import { build as buildProject } from '../../src/build.js';

const CACHE = 'out/.newsletter/cache/editions.json';

interface JsonReport {
  ok: boolean;
  workers: number;
  editions: {
    slug: string;
    ok: boolean;
    cached: boolean;
    files: string[];
    diagnostics: { code: string }[];
  }[];
}

describe('incremental build', () => {
  let project: TempProject;

  const build = async (...args: string[]) => {
    const result = await project.runHere(['build', '--json', ...args]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as JsonReport;
  };
  const rebuilt = (report: JsonReport) =>
    report.editions
      .filter((e) => !e.cached)
      .map((e) => e.slug)
      .sort();

  beforeEach(async () => {
    project = await tempProject();
    await build();
  });
  afterEach(() => project.remove());

  it('skips every edition when nothing changed, reports them and leaves their files alone', async () => {
    const before = await stat(join(project.dir, 'out/kursk-talks/index.html'));
    const report = await build();
    expect(rebuilt(report)).toEqual([]);
    expect(report.editions.map((e) => e.slug)).toEqual(['2026-11-field-notes', 'kursk-talks']);
    expect(report.editions[1].files).toEqual(
      expect.arrayContaining(['kursk-talks/index.html', 'kursk-talks/message.eml']),
    );
    expect((await stat(join(project.dir, 'out/kursk-talks/index.html'))).mtimeMs).toBe(before.mtimeMs);

    const human = await project.runHere(['build']);
    expect(human.stderr).toMatch(
      /Built 0 of 2 editions in [\d.]+s \(2 unchanged, skipped; --force rebuilds them\)/,
    );
  });

  it('rebuilds only the edition whose article changed, with the change in its output', async () => {
    await writeFile(
      join(project.dir, 'content/kursk-talks.txt'),
      (await project.read('content/kursk-talks.txt')).replace('Lavrov', 'Lavrov (edited)'),
    );
    const report = await build();
    expect(rebuilt(report)).toEqual(['kursk-talks']);
    expect(await project.read('out/kursk-talks/index.txt')).toContain('Lavrov (edited)');
  });

  it('rebuilds an edition when an article is added to its folder', async () => {
    await project.write(
      'content/2026-11-field-notes/04-late.md',
      '---\ntitle: A late addition\n---\nOne more paragraph for the desk.\n',
    );
    const report = await build();
    expect(rebuilt(report)).toEqual(['2026-11-field-notes']);
    expect(await project.read('out/2026-11-field-notes/index.html')).toContain('A late addition');
  });

  it('rebuilds everything when a partial or the config changes', async () => {
    const footer = 'templates/partials/footer.mjml.hbs';
    await project.write(footer, `${await project.read(footer)}\n{{!-- a comment --}}\n`);
    expect(rebuilt(await build())).toEqual(['2026-11-field-notes', 'kursk-talks']);

    await project.write('newsletter.config.json', withIdentity(JSON.stringify({ name: 'Other Notes' })));
    expect(rebuilt(await build())).toEqual(['2026-11-field-notes', 'kursk-talks']);
    expect(await project.read('out/kursk-talks/index.html')).toContain('Other Notes');
  });

  it('rebuilds an edition whose .eml Date would change with SOURCE_DATE_EPOCH', async () => {
    // kursk-talks has no date: its message date comes from SOURCE_DATE_EPOCH
    const result = await project.runHere(['build', '--json'], { env: { SOURCE_DATE_EPOCH: '1800000000' } });
    expect(rebuilt(JSON.parse(result.stdout))).toEqual(['2026-11-field-notes', 'kursk-talks']);
    expect(await project.read('out/kursk-talks/message.eml')).toContain('Date: Fri, 15 Jan 2027');
  });

  it('rebuilds everything with --force', async () => {
    expect(rebuilt(await build('--force'))).toEqual(['2026-11-field-notes', 'kursk-talks']);
  });

  it('rebuilds an edition whose output was deleted or edited by hand', async () => {
    await rm(join(project.dir, 'out/kursk-talks/index.html'));
    expect(rebuilt(await build())).toEqual(['kursk-talks']);
    expect(await project.read('out/kursk-talks/index.html')).toContain('<title>');

    await writeFile(join(project.dir, 'out/2026-11-field-notes/index.txt'), 'tampered');
    expect(rebuilt(await build())).toEqual(['2026-11-field-notes']);
    expect(await project.read('out/2026-11-field-notes/index.txt')).not.toBe('tampered');

    await rm(join(project.dir, 'out/.newsletter/editions/kursk-talks.json'));
    expect(rebuilt(await build())).toEqual(['kursk-talks']);
    expect(await project.read('out/.newsletter/editions/kursk-talks.json')).toContain(
      '"slug": "kursk-talks"',
    );
  });

  it('sees an edit that kept the size and the modification time', async () => {
    const file = join(project.dir, 'content/kursk-talks.txt');
    const before = await stat(file);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Lavrov said', 'Lavrov SAID'));
    await utimes(file, before.atime, before.mtime);
    expect((await stat(file)).size).toBe(before.size);
    expect(rebuilt(await build())).toEqual(['kursk-talks']);
    expect(await project.read('out/kursk-talks/index.txt')).toContain('Lavrov SAID');
  });

  it('ignores a corrupt cache, rebuilds, and writes a good one', async () => {
    await writeFile(join(project.dir, CACHE), '{"format": 1, "editions": {"kursk-talks": {"settings": 42}');
    expect(rebuilt(await build())).toEqual(['2026-11-field-notes', 'kursk-talks']);
    expect(rebuilt(await build())).toEqual([]);
  });

  it('never trusts an entry that does not match the content, even with matching stamps', async () => {
    const cache = JSON.parse(await project.read(CACHE));
    cache.editions['kursk-talks'].content = '0'.repeat(64);
    delete cache.editions['kursk-talks'].inputs; // without stamps the bytes are compared
    await writeFile(join(project.dir, CACHE), JSON.stringify(cache));
    expect(rebuilt(await build())).toEqual(['kursk-talks']);

    const again = JSON.parse(await project.read(CACHE));
    again.editions['2026-11-field-notes'].settings = 'f'.repeat(64);
    await writeFile(join(project.dir, CACHE), JSON.stringify(again));
    expect(rebuilt(await build())).toEqual(['2026-11-field-notes']);
  });

  it('builds again after the cache folder is deleted', async () => {
    await rm(join(project.dir, 'out/.newsletter/cache'), { recursive: true });
    expect(rebuilt(await build())).toEqual(['2026-11-field-notes', 'kursk-talks']);
  });

  it('does not cache a failed edition, and builds it once it is fixed', async () => {
    const good = await project.read('content/kursk-talks.txt');
    await project.write('content/kursk-talks.txt', '---\ntitle: [unclosed\n---\nBody.\n');
    const failed = await project.runHere(['build', '--json']);
    expect(failed.code).toBe(1);
    expect(
      JSON.parse(failed.stdout).editions.find((e: { slug: string }) => e.slug === 'kursk-talks'),
    ).toMatchObject({ ok: false, cached: false });
    // the old output is still there and still matches the old content: reverting needs no rebuild
    await project.write('content/kursk-talks.txt', good);
    expect(rebuilt(await build())).toEqual([]);
  });

  it('shows the warnings of a skipped edition again', async () => {
    // a private-use character (reserved for recipient fields) is removed with a warning
    await project.write(
      'content/2026-11-field-notes/04-note.md',
      '---\ntitle: A note\n---\nA paragraph with \uE000 in it.\n',
    );
    const first = await build();
    const codes = (r: JsonReport) =>
      r.editions.find((e) => e.slug === '2026-11-field-notes')!.diagnostics.map((d) => d.code);
    expect(codes(first)).toContain('RESERVED_CHARACTER');
    const second = await build();
    expect(rebuilt(second)).toEqual([]);
    expect(codes(second)).toEqual(codes(first));
  });
});

// The stamps the cache hands on to the archive (src/archive/entries.ts takes a manifest's from them): only
// those of editions it found current, so that an edition rebuilt in this run is never listed as it was.
// Built and checked by the same code (the cache's key holds the code's digest), so not through the bundle.
describe('the stamps the build cache checked', () => {
  let project: TempProject;
  const epoch = process.env.SOURCE_DATE_EPOCH;

  beforeEach(async () => {
    project = await tempProject();
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    const report = await buildProject({ root: project.dir, incremental: true });
    expect(report.editions.map((e) => e.ok)).toEqual([true, true]);
  });
  afterEach(async () => {
    if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = epoch;
    await project.remove();
  });

  it('are those of the editions found current, never of one whose content changed', async () => {
    await writeFile(
      join(project.dir, 'content/kursk-talks.txt'),
      (await project.read('content/kursk-talks.txt')).replace('Lavrov', 'Lavrov (edited)'),
    );
    const { project: loaded } = await loadProject({ root: project.dir });
    const cache = await BuildCache.open(loaded!);
    const fresh = [];
    for (const entry of loaded!.editions) if ('fresh' in (await cache.check(entry))) fresh.push(entry.slug);
    expect(fresh).toEqual(['2026-11-field-notes']);
    const paths = [...cache.checkedStamps.keys()];
    expect(paths).toContain('2026-11-field-notes/manifest.json');
    expect(paths.filter((path) => path.includes('kursk-talks'))).toEqual([]);
    for (const stamp of cache.checkedStamps.values()) {
      const now = await stat(join(project.dir, 'out', stamp.path));
      expect([now.size, now.mtimeMs, now.ctimeMs]).toEqual([stamp.size, stamp.mtimeMs, stamp.ctimeMs]);
    }
  });
});

// The first edition whose content changed is built as soon as it is found, the rest of the cache checked
// while MJML compiles it (src/workers/build-editions.ts): what is rebuilt and what is reported stay those of
// checking everything first, with one edition changed or with enough for worker threads.
describe('an incremental build that starts on the first changed edition', () => {
  const EDITIONS = 12;
  let project: TempProject;
  let slugs: string[];
  const build = async () => {
    const result = await project.runHere(['build', '--json']);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as JsonReport;
  };
  const edit = async (slug: string) => {
    const folder = join(project.dir, 'content', slug);
    const article = (await readdir(folder)).sort().find((name) => /^0\d-/.test(name))!;
    await appendFile(join(folder, article), `\nA sentence added to ${slug}.\n`);
  };

  // one archive for both: the second edits every edition, after the first's two
  beforeAll(async () => {
    project = await tempProject({});
    slugs = await writeCorpus(join(project.dir, 'content'), EDITIONS, 7);
    await build();
  });
  afterAll(() => project.remove());

  it('rebuilds what changed, with its change, and reports every edition in order', async () => {
    await edit(slugs[5]!);
    await edit(slugs[9]!);
    const report = await build();
    expect(report.workers).toBe(0);
    expect(report.editions.map((e) => e.slug)).toEqual(slugs);
    expect(report.editions.filter((e) => !e.cached).map((e) => e.slug)).toEqual([slugs[5], slugs[9]]);
    expect(report.editions.every((e) => e.ok)).toBe(true);
    for (const slug of [slugs[5]!, slugs[9]!])
      expect(await project.read(`out/${slug}/index.txt`)).toContain(`A sentence added to ${slug}.`);
    expect((await build()).editions.every((e) => e.cached)).toBe(true);
  });

  it('builds the others in worker threads when enough changed, the first here', async () => {
    for (const slug of slugs) await edit(slug);
    const report = await build();
    expect(report.workers).toBeGreaterThan(0);
    expect(report.editions.map((e) => e.slug)).toEqual(slugs);
    expect(report.editions.every((e) => e.ok && !e.cached)).toBe(true);
    for (const slug of slugs)
      expect(await project.read(`out/${slug}/index.txt`)).toContain(`A sentence added to ${slug}.`);
    expect((await build()).editions.every((e) => e.cached)).toBe(true);
  });
});

// The cache file written from entries serialized ahead (BuildCache.prepareSave, while the first changed
// edition compiles) is the one JSON.stringify writes: integer-like slugs first, as an object lists them.
describe('the build cache saved from entries serialized ahead', () => {
  let project: TempProject;
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const buildHere = () => buildProject({ root: project.dir, incremental: true });

  beforeEach(async () => {
    project = await tempProject();
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    const text = await project.read('content/kursk-talks.txt');
    for (const slug of ['3000', '2']) await project.write(`content/${slug}.txt`, text);
    const report = await buildHere();
    expect(report.editions.every((e) => e.ok)).toBe(true);
  });
  afterEach(async () => {
    if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = epoch;
    await project.remove();
  });

  it('is the file JSON.stringify writes, and holds the edition rebuilt', async () => {
    const first = await project.read(CACHE);
    expect(first).toBe(JSON.stringify(JSON.parse(first)));
    await appendFile(join(project.dir, 'content/2.txt'), '\nOne more line.\n');
    const report = await buildHere();
    expect(report.editions.filter((e) => !e.cached).map((e) => e.slug)).toEqual(['2']);
    const text = await project.read(CACHE);
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    expect(Object.keys(JSON.parse(text).editions)).toEqual([
      '2',
      '3000',
      '2026-11-field-notes',
      'kursk-talks',
    ]);
    expect((await buildHere()).editions.every((e) => e.cached)).toBe(true);
  });
});
