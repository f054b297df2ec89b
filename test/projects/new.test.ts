// `newsletter new <slug>`: an edition in the project's starter shape, dated today, whose path is printed;
// an existing slug is refused and nothing is touched.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { IDENTITY, TODAY, tempDir } from './identity.js';

describe('newsletter new', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let project: string;
  beforeAll(async () => {
    temp = await tempDir();
    project = join(temp.dir, 'roundup');
    expect(
      (await runInProcess(['init', 'roundup', '--yes', '--starter', 'links', ...IDENTITY], temp.dir)).code,
    ).toBe(0);
  });
  afterAll(() => temp.remove());

  it("adds a folder edition in the starter's shape, from a subfolder, and prints its path", async () => {
    const result = await runInProcess(['new', '2026-01-links'], join(project, 'content'));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('2026-01-links/\n'); // relative to where it ran
    const folder = join(project, 'content/2026-01-links');
    expect((await readdir(folder)).sort()).toEqual(['01-first-link.md', 'edition.md']);
    expect(await readFile(join(folder, 'edition.md'), 'utf8')).toContain(`date: ${TODAY}`);
    const item = await readFile(join(folder, '01-first-link.md'), 'utf8');
    expect(item).toMatch(/^url: "https:\/\/.+"$/m);
    expect(item).toMatch(/^source: ".+"$/m);

    const build = await runInProcess(['build', '2026-01-links'], project);
    expect(build.code).toBe(0);
  });

  it('adds a single-file edition with --single', async () => {
    const result = await runInProcess(['new', 'quick-note', '--single', '--starter', 'story'], project);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('content/quick-note.md\n');
    expect(await readFile(join(project, 'content/quick-note.md'), 'utf8')).toContain(
      'title: "The story of this edition"',
    );
  });

  it('refuses a slug that exists, as a folder or a file, and touches nothing', async () => {
    const before = await readFile(join(project, 'content/2026-01-links/edition.md'), 'utf8');
    for (const slug of ['2026-01-links', 'quick-note']) {
      const result = await runInProcess(['new', slug], project);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`the edition "${slug}" exists`);
    }
    expect(await readFile(join(project, 'content/2026-01-links/edition.md'), 'utf8')).toBe(before);
    expect(existsSync(join(project, 'content/quick-note'))).toBe(false);
  });

  it('refuses a slug that is not a name, and an unknown starter', async () => {
    expect((await runInProcess(['new', '../outside'], project)).code).toBe(2);
    const starter = await runInProcess(['new', 'x', '--starter', 'magazine'], project);
    expect(starter.code).toBe(2);
    expect(starter.stderr).toContain('--starter must be one of digest, story, links');
    expect(existsSync(join(temp.dir, 'outside'))).toBe(false);
  });
});
