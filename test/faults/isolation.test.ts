// Nothing brings down the whole run: hostile content, an exception in any stage of one edition (injected with
// NEWSLETTER_FAULT, in this thread and in worker threads), a worker thread that dies, editions that would
// overwrite each other or the archive, links and unreadable files. Each time the other editions are built,
// the archive is written, and the summary and --json come out; the edition at fault says what went wrong,
// at its file and line, without a stack trace unless --debug.
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const good = (title: string) =>
  `---\ntitle: ${title}\ndek: A dek long enough to fill the inbox line beside the subject\n---\nA fine body for ${title}.\n`;
let project: TempProject;
afterEach(() => project?.remove());

interface JsonEdition {
  slug: string;
  ok: boolean;
  diagnostics: {
    code: string;
    severity: string;
    file?: string;
    line?: number;
    message: string;
    stack?: string;
  }[];
}

const edition = (report: { editions: JsonEdition[] }, slug: string) =>
  report.editions.find((e) => e.slug === slug)!;
const codes = (e: JsonEdition) => e.diagnostics.map((d) => d.code);
const noStack = /\n\s+at /;

describe('hostile content fails or warns alone', () => {
  it('unwraps 6000 nested spans and 10000 emphasis marks with a warning at the line, and builds everything else', async () => {
    project = await tempProject({
      'content/good.md': good('Good'),
      'content/spans.md': `---\ntitle: Spans\ndek: d\n---\nIntro.\n\n${'<span>'.repeat(6000)}deep${'</span>'.repeat(6000)}\n`,
      'content/stars.md': `---\ntitle: Stars\ndek: d\n---\n${'*'.repeat(10000)}aaa${'*'.repeat(10000)}\n`,
    });
    const result = await project.runHere(['build', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(noStack);
    const report = JSON.parse(result.stdout);
    for (const slug of ['good', 'spans', 'stars']) expect(edition(report, slug).ok).toBe(true);
    expect(edition(report, 'spans').diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'NESTING_TOO_DEEP',
        severity: 'warning',
        file: 'content/spans.md',
        line: 7,
      }),
    );
    expect(edition(report, 'stars').diagnostics).toContainEqual(
      expect.objectContaining({ code: 'NESTING_TOO_DEEP', file: 'content/stars.md', line: 5 }),
    );
    expect(await project.read('out/spans/index.html')).toContain('deep');
    expect(await project.read('out/spans/index.txt')).toContain('deep');
    expect(await project.read('out/stars/index.txt')).toContain('aaa');
    expect(await project.read('out/index.html')).toContain('Stars');
  });

  it('checks an edition nested 3000 levels deep', async () => {
    project = await tempProject({
      'content/good.md': good('Good'),
      'content/deep.md': `---\ntitle: Deep\ndek: d\n---\n${'<span>'.repeat(3000)}x${'</span>'.repeat(3000)}\n`,
    });
    const result = await project.runHere(['check', '--json']);
    expect(result.stderr).not.toMatch(noStack);
    const report = JSON.parse(result.stdout);
    expect(edition(report, 'deep').ok).toBe(true);
    expect(codes(edition(report, 'deep'))).toContain('NESTING_TOO_DEEP');
    expect(result.code).toBe(0);
  });

  it('reports a self-referencing YAML alias at its file and line, and builds the others', async () => {
    project = await tempProject({
      'content/good.md': good('Good'),
      'content/list.md': '---\ntitle: List\na: &a [*a]\n---\nBody.\n',
      'content/map.md': '---\ntitle: Map\na: &a\n  b: *a\n---\nBody.\n',
      'content/deep-yaml.md': `---\ntitle: Deep YAML\nx: ${'['.repeat(500)}${']'.repeat(500)}\n---\nBody.\n`,
    });
    const result = await project.runHere(['build']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/list.md:3:8 error FRONT_MATTER_YAML the alias *a is inside');
    expect(result.stderr).toContain('content/map.md:4:6 error FRONT_MATTER_YAML the alias *a is inside');
    expect(result.stderr).toContain('content/deep-yaml.md:3 warning NESTING_TOO_DEEP');
    expect(result.stderr).toMatch(/Built 2 of 4 editions in [\d.]+s; failed: list, map/);
    expect(result.stderr).not.toMatch(noStack);
    expect(await project.read('out/good/index.html')).toContain('Good');
    expect(await project.read('out/index.html')).toContain('Deep YAML');
  });
});

describe('an exception in one edition is that edition’s INTERNAL_ERROR', () => {
  it.each([
    ['load', 'loading its files'],
    ['assemble', 'reading its articles'],
    ['render', 'rendering it'],
    ['check', 'checking it'],
    ['write', 'writing it'],
  ])(
    'at %s, in this thread: the others are built, the archive written, --json printed',
    async (stage, words) => {
      project = await tempProject({
        'content/a.md': good('A'),
        'content/b.md': good('B'),
        'content/c.md': good('C'),
      });
      const result = await project.runHere(['build', '--json'], {
        env: { NEWSLETTER_FAULT: `${stage}:b`, NEWSLETTER_WORKERS: '0' },
      });
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.ok).toBe(false);
      expect(edition(report, 'a').ok).toBe(true);
      expect(edition(report, 'c').ok).toBe(true);
      const failed = edition(report, 'b');
      expect(failed.ok).toBe(false);
      expect(failed.diagnostics).toEqual([
        expect.objectContaining({ code: 'INTERNAL_ERROR', severity: 'error', file: 'content/b.md' }),
      ]);
      expect(failed.diagnostics[0]!.message).toContain(`while ${words}`);
      expect(failed.diagnostics[0]!.stack).toBeUndefined();
      expect(await project.read('out/index.html')).toContain('>C<');
      await expect(readdir(join(project.dir, 'out/b'))).rejects.toThrow();
    },
  );

  it('prints the summary, and the stack trace only with --debug', async () => {
    project = await tempProject({ 'content/a.md': good('A'), 'content/b.md': good('B') });
    const env = { NEWSLETTER_FAULT: 'render:a' };
    const plain = await project.runHere(['build'], { env });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('content/a.md error INTERNAL_ERROR newsletter failed while rendering it');
    expect(plain.stderr).toContain('Run again with --debug for the stack trace');
    expect(plain.stderr).toMatch(/Built 1 of 2 editions in [\d.]+s; failed: a/);
    expect(plain.stderr).not.toMatch(noStack);
    const debug = await project.runHere(['build', '--debug'], { env });
    expect(debug.stderr).toMatch(/INTERNAL_ERROR[^]*\n\s+at /);
    const json = await project.runHere(['build', '--debug', '--json'], { env });
    expect(edition(JSON.parse(json.stdout), 'a').diagnostics[0]!.stack).toMatch(/\n\s+at /);
  });

  it('in the rules check runs on each edition: the others are checked', async () => {
    project = await tempProject({ 'content/a.md': good('A'), 'content/b.md': good('B') });
    const result = await project.runHere(['check', '--json'], { env: { NEWSLETTER_FAULT: 'after:a' } });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(codes(edition(report, 'a'))).toContain('INTERNAL_ERROR');
    expect(edition(report, 'b').ok).toBe(true);
  });
});

describe('in worker threads', () => {
  const EDITIONS = 10;
  // one-article editions: what is tested is which editions fail and which are built, not what they hold
  function corpus(): Record<string, string> {
    const files: Record<string, string> = {};
    for (let i = 1; i <= EDITIONS; i++)
      files[`content/issue-${String(i).padStart(2, '0')}/01-article.md`] = good(`Issue ${i}`);
    return files;
  }

  it.each([
    ['a pair', '2'],
    ['a pair and a whole worker', '3'],
  ])('%s: failures in every stage, and a worker that dies, fail their editions alone', async (_, workers) => {
    project = await tempProject(corpus());
    const slugs = (await readdir(join(project.dir, 'content'))).sort();
    const faulty = ['load', 'render', 'check', 'write', 'crash'].map(
      (stage, i) => [stage, slugs[i * 2]!] as const,
    );
    // in this process: a worker that dies ends its own thread (process.exit in a worker thread), not this one
    const result = await project.runHere(['build', '--json'], {
      env: {
        NEWSLETTER_WORKERS: workers,
        NEWSLETTER_FAULT: faulty.map(([stage, slug]) => `${stage}:${slug}`).join(','),
      },
    });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.workers).toBe(Number(workers));
    for (const [stage, slug] of faulty) {
      const failed = edition(report, slug);
      expect(failed.ok, `${stage}:${slug}`).toBe(false);
      expect(codes(failed), `${stage}:${slug}`).toEqual(['INTERNAL_ERROR']);
    }
    expect(edition(report, faulty[4]![1]).diagnostics[0]).toMatchObject({
      file: `content/${faulty[4]![1]}/`,
      message: expect.stringMatching(/worker stopped \(exit code 70\)/),
    });
    const built = report.editions.filter((e: JsonEdition) => e.ok).map((e: JsonEdition) => e.slug);
    expect(built.sort()).toEqual(slugs.filter((s) => !faulty.some(([, f]) => f === s)));
    const archive = await project.read('out/index.html');
    for (const slug of built) expect(archive).toContain(`${slug}/index.html`);
  });
});

describe('editions that would overwrite each other, or the archive', () => {
  it('refuses a slug made by a.md, a.txt and a folder a/, naming all three, and builds the others', async () => {
    project = await tempProject({
      'content/a.md': good('A markdown'),
      'content/a.txt': 'A text\n\nBody.\n',
      'content/a/01-one.md': good('A folder'),
      'content/C.md': good('Upper C'),
      'content/c.md': good('Lower c'),
      'content/b.md': good('B'),
    });
    const result = await project.runHere(['build']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'content/a.md error DUPLICATE_SLUG 3 entries make the edition "a": content/a.md, content/a.txt, content/a/; none of them is built',
    );
    expect(result.stderr).toMatch(
      /DUPLICATE_SLUG 2 entries make the edition "C" \(or one whose name differs only in case\): content\/C\.md, content\/c\.md/,
    );
    expect(result.stderr).toMatch(/DUPLICATE_SLUG 2 entries make the edition "c" /);
    expect(result.stderr).toMatch(/Built 1 of 4 editions in [\d.]+s; failed: C, a, c/);
    expect((await readdir(join(project.dir, 'out'))).sort()).toEqual([
      '.newsletter',
      'b',
      'feed.xml',
      'index.html',
    ]);
  });

  it('refuses the slugs of the archive’s own files', async () => {
    project = await tempProject({
      'content/index.html.md': good('Index'),
      'content/feed.xml.txt': 'Feed\n\nBody.\n',
      'content/b.md': good('B'),
    });
    const result = await project.runHere(['build']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'content/index.html.md error SLUG_RESERVED the slug "index.html" is reserved',
    );
    expect(result.stderr).toContain('content/feed.xml.txt error SLUG_RESERVED');
    expect(await project.read('out/index.html')).toContain('<h2><a href="b/index.html">B</a></h2>');
    expect(result.stderr).not.toContain('WRITE_FAILED');
  });

  it('links the web version of a slug that needs encoding as the archive does', async () => {
    project = await tempProject({
      'content/a&b#c?d.md': good('Odd'),
      'content/my edition.md': good('Spaced'),
    });
    const result = await project.runHere(['build']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('LINK_MALFORMED');
    expect(await project.read('out/a&b#c?d/index.html')).toContain(
      'https://fieldnotes.example.com/newsletter/a%26b%23c%3Fd/',
    );
    expect(await project.read('out/my edition/index.txt')).toContain(
      'https://fieldnotes.example.com/newsletter/my%20edition/',
    );
  });
});

describe('symbolic links', () => {
  let elsewhere: string;
  afterEach(() => rm(elsewhere, { recursive: true, force: true }));

  it('are never written through, at out/<slug> or out/.newsletter/editions', async () => {
    elsewhere = await mkdtemp(join(tmpdir(), 'elsewhere-'));
    project = await tempProject({ 'content/a.md': good('A'), 'content/b.md': good('B') });
    await mkdir(join(project.dir, 'out'));
    await symlink(elsewhere, join(project.dir, 'out/a'));
    const result = await project.run(['build']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('out/a error WRITE_FAILED');
    expect(result.stderr).toContain('is a symbolic link');
    expect(await readdir(elsewhere)).toEqual([]);
    expect(await project.read('out/b/index.html')).toContain('B');

    await rm(join(project.dir, 'out'), { recursive: true });
    await mkdir(join(project.dir, 'out/.newsletter'), { recursive: true });
    await symlink(elsewhere, join(project.dir, 'out/.newsletter/editions'));
    const again = await project.run(['build']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/out\/a error WRITE_FAILED .*editions is a symbolic link/);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('in content/ are skipped with a warning', async () => {
    elsewhere = await mkdtemp(join(tmpdir(), 'elsewhere-'));
    await writeFile(join(elsewhere, 'x.md'), good('Outside'));
    project = await tempProject({ 'content/e/01-real.md': good('Real'), 'content/b.md': good('B') });
    await symlink(join(elsewhere, 'x.md'), join(project.dir, 'content/e/02-link.md'));
    await symlink(join(elsewhere, 'x.md'), join(project.dir, 'content/top.md'));
    await symlink(elsewhere, join(project.dir, 'content/folder'));
    await symlink('..', join(project.dir, 'content/e/up'));
    const result = await project.runHere(['build']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('content/e/02-link.md warning SYMLINK_SKIPPED');
    expect(result.stderr).toContain('content/top.md warning SYMLINK_SKIPPED');
    expect(result.stderr).toContain('content/folder warning SYMLINK_SKIPPED');
    expect(await project.read('out/e/index.html')).not.toContain('Outside');
  });
});

describe('files that cannot be read, and names that are not text', () => {
  it('names a content file over 2 GiB (READ_FAILED), and builds the others', async () => {
    project = await tempProject({ 'content/big.md': '', 'content/b.md': good('B') });
    await truncate(join(project.dir, 'content/big.md'), 2 ** 31 + 10); // sparse: no disk used
    const result = await project.runHere(['build', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(edition(report, 'big').diagnostics).toEqual([
      expect.objectContaining({ code: 'READ_FAILED', file: 'content/big.md' }),
    ]);
    expect(edition(report, 'big').diagnostics[0]!.message).toMatch(/at most 16 MiB/);
    expect(edition(report, 'b').ok).toBe(true);
  });

  it('never sends escape sequences in file names to the terminal raw', async () => {
    project = await tempProject({
      'content/\x1b[31mred\x1b[0m.md': '---\ntitle: Red\n---\n',
      'content/b.md': good('B'),
    });
    const result = await project.runHere(['build']);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('\x1b');
    expect(result.stderr).toContain('content/\\x1b[31mred\\x1b[0m.md:4 error ARTICLE_EMPTY');
    expect(result.stderr).toMatch(/failed: \\x1b\[31mred\\x1b\[0m/);
    const json = await project.runHere(['build', '--json']);
    expect(JSON.parse(json.stdout).editions.map((e: JsonEdition) => e.slug)).toContain('\x1b[31mred\x1b[0m');
  });
});

describe('the config', () => {
  it.each([
    [
      'wordsPerMinute',
      '{\n  "wordsPerMinute": 1e-308\n}\n',
      2,
      /"wordsPerMinute" must be a number from 1 to 10,000, got 1e-308/,
    ],
    [
      'logo.width',
      '{\n  "logo": {\n    "src": "https://x.example/l.png",\n    "alt": "X",\n    "width": 1e308\n  }\n}\n',
      5,
      /"logo.width" must be a number of pixels from 1 to 2,000/,
    ],
  ])('bounds %s, reported at its line', async (_, config, line, message) => {
    project = await tempProject({ 'content/a.md': good('A'), 'newsletter.config.json': config });
    const result = await project.runHere(['build']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`newsletter.config.json:${line} error CONFIG_INVALID`));
    expect(result.stderr).toMatch(message);
  });

  it('may start with a UTF-8 byte order mark', async () => {
    project = await tempProject({
      'content/a.md': good('A'),
      'newsletter.config.json': '\ufeff{ "name": "BOM Notes" }\n',
    });
    const result = await project.runHere(['build']);
    expect(result.code, result.stderr).toBe(0);
    expect(await project.read('out/a/index.txt')).toContain('BOM Notes');
  });
});

describe('the build cache', () => {
  it('that cannot be saved is a warning: the editions and the archive are written', async () => {
    project = await tempProject({ 'content/a.md': good('A') });
    expect((await project.runHere(['build'])).code).toBe(0);
    await rm(join(project.dir, 'out/.newsletter/cache'), { recursive: true });
    await writeFile(join(project.dir, 'out/.newsletter/cache'), 'a file where the cache folder goes');
    await project.write('content/a.md', good('A again'));
    const result = await project.runHere(['build']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /out\/\.newsletter\/cache\/editions\.json warning WRITE_FAILED cannot save the build cache: .*cache is not a folder/,
    );
    expect(result.stderr).toMatch(/Built 1 of 1 edition/);
    expect(await project.read('out/index.html')).toContain('A again');
  });

  it('that cannot be read is a warning, and every edition is rebuilt', async () => {
    project = await tempProject({ 'content/a.md': good('A') });
    expect((await project.runHere(['build'])).code).toBe(0);
    await rm(join(project.dir, 'out/.newsletter/cache/editions.json'));
    await mkdir(join(project.dir, 'out/.newsletter/cache/editions.json'));
    const result = await project.runHere(['build']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'out/.newsletter/cache/editions.json warning READ_FAILED cannot read the build cache: EISDIR',
    );
    expect(await readFile(join(project.dir, 'out/a/index.html'), 'utf8')).toContain('A');
  });
});
