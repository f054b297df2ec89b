// `newsletter export` for several editions at once, through the real CLI: a usage error in the batch writes
// nothing; an edition that fails a platform's rules fails alone, at its file:line, and the others are written.
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

interface Report {
  ok: boolean;
  files: string[];
  editions: { slug: string; ok: boolean; built?: string }[];
  platforms: {
    slug: string;
    platform: string;
    ok: boolean;
    files: string[];
    diagnostics: { code: string; file?: string; line?: number }[];
  }[];
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('export of several editions', () => {
  let project: TempProject;

  beforeAll(async () => {
    project = await tempProject({
      'content/a.txt': 'Note A\n\nA dek\n\nOne paragraph.\n',
      'content/c.txt': 'Note C\n\nA dek\n\nAnother paragraph.\n',
      // "{{" has no escape in Postmark's plain text. The image's alt text holds it too, and never reaches the
      // text: the refusals must name the body lines, one in each article.
      'content/b/01-first.md':
        '---\ntitle: First\nimage: https://example.com/a.png\nimage_alt: A sign reading {{ name }} here\n---\nDear readers, write {{ name }} in Postmark to greet people.\n',
      'content/b/02-second.md':
        '---\ntitle: Second\n---\nAgain: to greet, write {{ name }} in Postmark to greet people.\n',
    });
  });
  afterAll(() => project.remove());

  it.each([
    [['export', 'a', 'nope', '--platform', 'kit'], 'error UNKNOWN_EDITION no edition "nope" in content'],
    [
      ['export', '--all', '--platform', 'kit', '--platform', 'nope'],
      'error EXPORT_PLATFORM unknown platform "nope"',
    ],
    [['export', '--platform', 'kit'], 'error EXPORT_EDITIONS no edition given'],
    [['export', 'a', 'c'], 'error EXPORT_PLATFORM no platform given'],
  ])('%j is a usage error that builds and writes nothing', async (args, message) => {
    const run = await project.runHere(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
    expect(await exists(join(project.dir, 'out'))).toBe(false);
  });

  it('exports the editions named, for each platform, and lists every file written', async () => {
    const run = await project.runHere([
      'export',
      'a',
      'c',
      '--platform',
      'kit',
      '--platform',
      'ses',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.editions.map((e) => [e.slug, e.ok, e.built])).toEqual([
      ['a', true, 'not built yet'],
      ['c', true, 'not built yet'],
    ]);
    expect(report.platforms.map((p) => `${p.slug}/${p.platform}`)).toEqual([
      'a/kit',
      'a/ses',
      'c/kit',
      'c/ses',
    ]);
    const expected = ['a', 'c'].flatMap((slug) =>
      ['kit', 'ses'].flatMap((platform) =>
        ['index.html', 'index.txt', 'manifest.json'].map((f) => `out/${slug}/export/${platform}/${f}`),
      ),
    );
    expect(report.files).toEqual(expected);
    for (const file of report.files) expect(await exists(join(project.dir, file)), file).toBe(true);
    expect(await exists(join(project.dir, 'out/b/export'))).toBe(false);
  });

  it('--all exports every edition; the one that breaks a rule fails alone, at each line that breaks it', async () => {
    const run = await project.runHere([
      'export',
      '--all',
      '--platform',
      'postmark',
      '--platform',
      'kit',
      '--json',
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.editions.map((e) => e.slug)).toEqual(['a', 'b', 'c']);
    expect(report.platforms.filter((p) => !p.ok).map((p) => `${p.slug}/${p.platform}`)).toEqual([
      'b/postmark',
    ]);
    const refusals = report.platforms
      .find((p) => p.slug === 'b' && p.platform === 'postmark')!
      .diagnostics.filter((d) => d.code === 'EXPORT_LITERAL_SYNTAX')
      .map((d) => `${d.file}:${d.line}`);
    expect(refusals).toEqual(['content/b/01-first.md:6', 'content/b/02-second.md:4']);
    expect(await readdir(join(project.dir, 'out/b/export'))).toEqual(['kit']);
    for (const slug of ['a', 'c'])
      expect(await exists(join(project.dir, `out/${slug}/export/postmark/index.html`))).toBe(true);
  });

  it('prints the failures and one summary line for a batch', async () => {
    const run = await project.runHere(['export', '--all', '--platform', 'postmark']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/b/02-second.md:4:24 error EXPORT_LITERAL_SYNTAX');
    expect(run.stderr).toContain('✗ b: postmark failed its checks; nothing written for it');
    expect(run.stderr).toContain('Exported 2 of 3 editions whole for 1 platform (6 files); with failures: b');
    expect(run.stdout.trim().split('\n')).toEqual(['out/a/export/postmark/', 'out/c/export/postmark/']);
  });
});
