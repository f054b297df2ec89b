// Editions whose source is gone: the archive and the feed leave them out, build reports them once, and
// `newsletter clean` removes what build wrote for them, and nothing else.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const article = (title: string) =>
  `---\ntitle: ${title}\ndek: A few words on ${title}\n---\nSome words about ${title} for the readers of this letter.\n`;

let project: TempProject;
const exists = async (path: string) =>
  readdir(join(project.dir, path)).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  project = await tempProject({
    'content/kept.md': article('Kept'),
    'content/gone.md': article('Gone'),
    'content/also-gone/01-a.md': article('Also gone'),
  });
  expect((await project.runHere(['build'])).code).toBe(0);
  await rm(join(project.dir, 'content/gone.md'));
  await rm(join(project.dir, 'content/also-gone'), { recursive: true });
  // what build did not write: a folder of someone else's, and a note in an orphan's folder
  await mkdir(join(project.dir, 'out/downloads'));
  await writeFile(join(project.dir, 'out/downloads/guide.pdf'), 'not ours');
  await writeFile(join(project.dir, 'out/also-gone/notes.txt'), 'not ours either');
});
afterAll(() => project.remove());

describe('editions without a source', () => {
  it('are left out of the archive and the feed, and reported once with a hint', async () => {
    const build = await project.runHere(['build']);
    expect(build.code).toBe(0);
    expect(build.stderr.match(/ARCHIVE_ORPHAN/g)).toHaveLength(1);
    expect(build.stderr).toContain(
      'out warning ARCHIVE_ORPHAN 2 edition folders in out/ have no source in the project any more (also-gone, gone)',
    );
    expect(build.stderr).toContain('newsletter clean');
    const index = await project.read('out/index.html');
    expect(index).toContain('kept/index.html');
    expect(index).not.toContain('gone/index.html');
    const feed = await project.read('out/feed.xml');
    expect(feed).toContain('/kept/');
    expect(feed).not.toMatch(/\/(also-)?gone\//);
  });

  it('clean --dry-run lists what would go and removes nothing', async () => {
    const dry = await project.runHere(['clean', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      editions: { slug: string; kept: string[] }[];
    };
    expect(report.dryRun).toBe(true);
    expect(report.editions.map((e) => e.slug)).toEqual(['also-gone', 'gone']);
    expect(report.editions[0]!.kept).toEqual(['also-gone/notes.txt']);
    expect(await exists('out/gone')).toBe(true);
  });

  it('clean removes what build wrote for them, keeps everything else, and refreshes the archive', async () => {
    // the archive of an older build still lists an orphan until clean writes it again
    await writeFile(join(project.dir, 'out/index.html'), '<a href="gone/index.html">stale</a>');
    const result = await project.runHere(['clean']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('removed out/gone/ (4 files build wrote)');
    expect(result.stderr).toContain('kept out/also-gone/notes.txt: build did not write it');
    expect(result.stderr).toContain('Removed 2 editions with no source: also-gone, gone');
    expect(await exists('out/gone')).toBe(false);
    expect(await readdir(join(project.dir, 'out/also-gone'))).toEqual(['notes.txt']);
    expect(await readdir(join(project.dir, 'out/downloads'))).toEqual(['guide.pdf']);
    expect(await readdir(join(project.dir, 'out/.newsletter/editions'))).toEqual(['kept.json']);
    expect(await project.read('out/kept/index.html')).toContain('Kept');
    expect(await project.read('out/index.html')).not.toContain('gone/index.html');

    const again = await project.runHere(['clean']);
    expect(again.stderr).toContain('Nothing to clean');
    expect((await project.runHere(['build'])).stderr).not.toContain('ARCHIVE_ORPHAN');
  });

  it('never follows a manifest out of its folder, and leaves folders build did not write', async () => {
    // a hand-made manifest naming files elsewhere: only what is inside the folder can go
    await mkdir(join(project.dir, 'out/forged'));
    await writeFile(
      join(project.dir, 'out/forged/manifest.json'),
      JSON.stringify({
        slug: 'forged',
        subject: 'x',
        files: { '../kept/index.html': {}, '/etc/hostname': {}, 'index.html': {} },
      }),
    );
    await writeFile(join(project.dir, 'out/forged/index.html'), 'x');
    // a folder whose manifest names another slug is not one build wrote
    await mkdir(join(project.dir, 'out/other'));
    await writeFile(
      join(project.dir, 'out/other/manifest.json'),
      JSON.stringify({ slug: 'else', subject: 'x', files: {} }),
    );
    const result = await project.runHere(['clean', '--json']);
    const report = JSON.parse(result.stdout) as { editions: { slug: string; files: string[] }[] };
    expect(report.editions).toEqual([
      expect.objectContaining({ slug: 'forged', files: ['forged/index.html', 'forged/manifest.json'] }),
    ]);
    expect(await project.read('out/kept/index.html')).toContain('Kept');
    expect(await exists('out/forged')).toBe(false);
    expect(await exists('out/other')).toBe(true);
  });

  it('touches nothing when the content folder cannot be read', async () => {
    const result = await project.runHere(['clean', '--content', 'nowhere']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error FILE_READ cannot read content');
    expect(await project.read('out/kept/index.html')).toContain('Kept');
  });
});
