// `init` with no folder inside the newsletter repository: the sample moves to examples/field-notes/ (still
// a project that builds) and the repository becomes the writer's. Run on a copy of the repository.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, SAMPLE, type RunResult } from '../helpers/project.js';
import { IDENTITY, TODAY, tempDir } from './identity.js';

describe('newsletter init inside the repository', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let repo: string;
  let sample: string[]; // the repository's content/, whatever it holds
  const run = (args: string[], cwd = repo) =>
    new Promise<RunResult>((resolve) =>
      execFile(
        process.execPath,
        [join(repo, 'bin/newsletter.js'), ...args],
        { cwd, env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      ),
    );

  beforeAll(async () => {
    temp = await tempDir();
    repo = join(temp.dir, 'newsletter');
    for (const part of ['bin', 'dist', 'starters', 'package.json', 'README.md', '.gitignore'])
      await cp(join(REPO, part), join(repo, part), { recursive: true });
    await symlink(join(REPO, 'node_modules'), join(repo, 'node_modules'));
    // the sample as the repository keeps it (content/ and its identity at the root), from the tests' own copy
    for (const part of ['content', 'newsletter.config.json'])
      await cp(join(SAMPLE, part), join(repo, part), { recursive: true });
  });
  afterAll(() => temp.remove());

  it('moves the sample to examples/field-notes/ and gives content/ the first edition', async () => {
    sample = (await readdir(join(repo, 'content'))).sort();
    const gitignore = await readFile(join(repo, '.gitignore'), 'utf8');
    const result = await run(['init', '--yes', ...IDENTITY], join(repo, 'content'));
    expect(result.stderr).toContain('moved content -> examples/field-notes/content');
    expect(result.code).toBe(0);

    expect((await readdir(join(repo, 'examples/field-notes/content'))).sort()).toEqual(sample);
    expect(await readdir(join(repo, 'content'))).toEqual([`${TODAY}-welcome`]);
    expect(
      JSON.parse(await readFile(join(repo, 'examples/field-notes/newsletter.config.json'), 'utf8')).name,
    ).toBe('Field Notes');
    expect(JSON.parse(await readFile(join(repo, 'newsletter.config.json'), 'utf8')).name).toBe(
      'Harbour Letter',
    );
    expect(existsSync(join(repo, 'templates/partials/article.mjml.hbs'))).toBe(true);
    // the tool's own README stays; the writer's goes beside it
    expect(await readFile(join(repo, 'README.md'), 'utf8')).toBe(
      await readFile(join(REPO, 'README.md'), 'utf8'),
    );
    expect(await readFile(join(repo, 'NEWSLETTER.md'), 'utf8')).toContain('# Harbour Letter');
    expect((await readFile(join(repo, '.gitignore'), 'utf8')).startsWith(gitignore)).toBe(true);

    const own = await run(['build', '--json']);
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout).editions.map((e: { slug: string }) => e.slug)).toEqual([
      `${TODAY}-welcome`,
    ]);
    // the sample is still a project: with no templates/ of its own it uses the built-in digest starter
    const example = await run(['build', '--root', 'examples/field-notes', '--json']);
    expect(example.code).toBe(0);
    expect(JSON.parse(example.stdout).editions).toHaveLength(sample.length);
  });

  it('refuses to run again, listing the files it would overwrite, and leaves the sample where it is', async () => {
    const result = await run(['init', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('these files exist and would be overwritten');
    expect(result.stderr).toMatch(/^ {2}newsletter\.config\.json$/m);
    expect(result.stderr).toMatch(new RegExp(`^ {2}content/${TODAY}-welcome/edition\\.md$`, 'm'));
    expect(result.stderr).toMatch(/^ {2}templates\/default\.mjml\.hbs$/m);

    const forced = await run(['init', '--yes', '--force', '--name', 'Harbour Letter']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).not.toContain('moved');
    expect((await readdir(join(repo, 'examples/field-notes/content'))).sort()).toEqual(sample);
  });
});
