// `newsletter init` from flags, with the built CLI in a temporary folder outside the repository, and the
// project it writes built from that folder and from a subfolder.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { IDENTITY, TODAY, tempDir } from './identity.js';

describe('newsletter init, non-interactive', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    temp = await tempDir();
  });
  afterAll(() => temp.remove());

  it('writes a project that builds, from its folder and from a subfolder', async () => {
    const init = await runInProcess(
      ['init', 'harbour', '--yes', '--starter', 'story', ...IDENTITY],
      temp.dir,
    );
    expect(init.stderr).toContain('Created Harbour Letter in harbour with the story starter');
    expect(init.code).toBe(0);
    const project = join(temp.dir, 'harbour');
    expect(init.stdout.trim()).toBe(project);
    expect(JSON.parse(await readFile(join(project, 'newsletter.config.json'), 'utf8'))).toEqual({
      name: 'Harbour Letter',
      from: 'Harbour Letter <letters@harbourletter.org>',
      url: 'https://harbourletter.org/letters',
      unsubscribeUrl: 'https://harbourletter.org/unsubscribe?e={{email}}',
      postalAddress: '1 Quay Street, Portree IV51 9DE, Scotland',
      language: 'en',
    });
    expect((await readdir(join(project, 'content', `${TODAY}-welcome`))).sort()).toEqual([
      '01-story.md',
      'edition.md',
    ]);
    expect(await readFile(join(project, 'templates/default.mjml.hbs'), 'utf8')).toContain(
      'the story starter',
    );
    expect(await readFile(join(project, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
    expect(await readFile(join(project, 'README.md'), 'utf8')).toContain('# Harbour Letter');

    // run from a subfolder: the project is found by its newsletter.config.json
    const build = await runInProcess(['build'], join(project, 'content'));
    expect(build.stderr).toContain(`✓ ${TODAY}-welcome -> out/${TODAY}-welcome/`);
    expect(build.code).toBe(0);
    expect(existsSync(join(project, 'out', `${TODAY}-welcome`, 'index.html'))).toBe(true);
    expect(existsSync(join(project, 'content', 'out'))).toBe(false);
    const html = await readFile(join(project, 'out', `${TODAY}-welcome`, 'index.html'), 'utf8');
    expect(html).toContain('The story of this edition');
    expect(html).toContain('1 Quay Street, Portree');
  });

  it('takes --root from anywhere', async () => {
    const result = await runInProcess(['build', '--root', join(temp.dir, 'harbour'), '--json'], temp.dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).editions.map((e: { slug: string }) => e.slug)).toEqual([
      `${TODAY}-welcome`,
    ]);
  });

  it('refuses a folder that is not empty, naming it; --force writes beside what is there', async () => {
    const { dir } = temp;
    await writeFile(join(dir, 'notes.txt'), 'mine\n');
    const refused = await runInProcess(['init', '.', '--yes'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/\[dir\] .* is not empty \(harbour, notes\.txt\)/);
    expect(existsSync(join(dir, 'newsletter.config.json'))).toBe(false);

    const forced = await runInProcess(['init', '.', '--yes', '--force', '--starter', 'links'], dir);
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, 'newsletter.config.json'))).toBe(true);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it.each([
    [['--starter', 'magazine'], '--starter must be one of digest, story, links'],
    [['--from', 'ann@harbourletter.org, bob@harbourletter.org'], '--from must be exactly one mailbox'],
    [['--from', 'Harbour Letter'], '--from must be exactly one mailbox'],
    [['--url', 'ftp://harbourletter.org'], '--url must be an http(s) URL'],
    [['--unsubscribe-url', 'javascript:alert(1)'], '--unsubscribe-url must be an http(s) URL'],
    [['--language', 'English'], '--language must be a language tag'],
  ])('exits 2 on bad input, naming the flag: %j', async (args, message) => {
    const result = await runInProcess(['init', 'bad-input', '--yes', ...args], temp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(join(temp.dir, 'bad-input'))).toBe(false);
  });
});
