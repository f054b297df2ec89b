// Local images end to end with the built CLI: a picture beside the article is published into out/<slug>/
// under a content-hashed name, once, referred to by its absolute URL everywhere, sized from its file;
// bad paths fail the edition at the line naming them and keep its old output; the cache knows images.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempProject, type TempProject } from '../helpers/project.js';
import { gif, jpegHeader, png } from '../helpers/images.js';

const SLUG = 'pictures';
const BASE = `https://news.example.org/letters/${SLUG}`;
const ARTICLE = `content/${SLUG}/01-charts.md`;

const article = (extra = '') => `---
title: Charts of the week
dek: What the numbers did
image: lead.jpg
image_alt: A harbour at dawn, boats still moored
---
A small chart, kept at its own width:

![Rainfall by month, 2026](chart.png)

A sharp one, made twice as wide for retina screens:

<img src="img/wide@2x.png" alt="Temperatures across the year">

The small chart again: ![Rainfall by month, again](./chart.png)
${extra}`;

interface JsonReport {
  editions: { slug: string; ok: boolean; cached?: boolean; files: string[]; diagnostics: Diagnostic[] }[];
}
interface Diagnostic {
  code: string;
  severity: string;
  file?: string;
  line?: number;
  message: string;
}

describe('local images in a build', () => {
  let project: TempProject;
  const build = async (code = 0) => {
    const result = await project.runHere(['build', '--json']);
    expect(result.code, result.stderr).toBe(code);
    return JSON.parse(result.stdout) as JsonReport;
  };
  const published = async () =>
    (await readdir(join(project.dir, 'out', SLUG))).filter((n) => /\.[0-9a-f]{6}\.\w+$/.test(n)).sort();

  beforeEach(async () => {
    project = await tempProject({
      'newsletter.config.json': JSON.stringify({ url: 'https://news.example.org/letters' }),
      [`content/${SLUG}/edition.md`]: `---\nsubject: Pictures\npreheader: Three charts and a harbour\n---\nA note from the desk.\n\n![The desk, from above](desk.gif)\n`,
      [ARTICLE]: article(),
      [`content/${SLUG}/chart.png`]: png(120, 60),
      [`content/${SLUG}/img/wide@2x.png`]: png(800, 200),
      [`content/${SLUG}/lead.jpg`]: jpegHeader(1600, 900),
      [`content/${SLUG}/desk.gif`]: gif(300, 150),
    });
  });
  afterEach(() => project.remove());

  it('publishes each image once under a hashed name and refers to it by its absolute URL, sized from its file', async () => {
    const report = await build();
    const names = await published();
    expect(names).toEqual([
      expect.stringMatching(/^chart\.[0-9a-f]{6}\.png$/),
      expect.stringMatching(/^desk\.[0-9a-f]{6}\.gif$/),
      expect.stringMatching(/^lead\.[0-9a-f]{6}\.jpg$/),
      expect.stringMatching(/^wide-2x\.[0-9a-f]{6}\.png$/),
    ]);
    const [chart, desk, lead, wide] = names;
    expect(report.editions[0]!.files).toEqual(expect.arrayContaining(names.map((n) => `${SLUG}/${n}`)));
    expect(await readFile(join(project.dir, 'out', SLUG, chart!))).toEqual(png(120, 60));

    const html = await project.read(`out/${SLUG}/index.html`);
    const imgs = [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
    const img = (name: string) => imgs.filter((tag) => tag.includes(`src="${BASE}/${name}"`));
    // used twice, published once, both uses at its own 120 px (not stretched to the column)
    expect(img(chart!)).toHaveLength(2);
    for (const tag of img(chart!)) expect(tag).toMatch(/width="120"/);
    // 800 px @2x: shown at 400
    expect(img(wide!)[0]).toMatch(/width="400"/);
    // the lead image from front matter: 1600 px, capped at the 552 px column
    expect(img(lead!)[0]).toMatch(/width="552"/);
    // the editor's note, resolved against edition.md
    expect(img(desk!)[0]).toMatch(/width="300"/);
    expect(html).not.toMatch(/src="(chart|img\/wide|lead|desk)/);

    const eml = await project.read(`out/${SLUG}/message.eml`);
    expect(eml.replace(/=\r\n/g, '')).toContain(`${BASE}/${chart}`);
    const manifest = JSON.parse(await project.read(`out/${SLUG}/manifest.json`)) as {
      files: Record<string, { bytes: number }>;
      assets: { source: string; name: string }[];
    };
    expect(manifest.files[chart!]).toEqual({ bytes: png(120, 60).length });
    expect(manifest.assets).toContainEqual({ source: `content/${SLUG}/chart.png`, name: chart });
  });

  it('fails the edition at the line naming a missing image, and keeps its previous output', async () => {
    await build();
    const before = await project.read(`out/${SLUG}/index.html`);
    await writeFile(
      join(project.dir, ARTICLE),
      article('\n![Gone](gone.png)\n\nAnd again: ![Gone, again](gone.png)\n'),
    );
    const result = await project.runHere(['build']);
    expect(result.code).toBe(1);
    // each use at its own line
    expect(result.stderr).toContain(`${ARTICLE}:17:9 error IMAGE_NOT_FOUND image "gone.png" not found`);
    expect(result.stderr).toContain(`${ARTICLE}:19:27 error IMAGE_NOT_FOUND image "gone.png" not found`);
    expect(await project.read(`out/${SLUG}/index.html`)).toBe(before);
  });

  it('refuses paths out of the project, absolute paths, symlinks out, and files that are not images', async () => {
    await symlink('/etc/hostname', join(project.dir, `content/${SLUG}/host.png`));
    await writeFile(join(project.dir, `content/${SLUG}/fake.png`), 'GIF? no: plain text');
    await writeFile(
      join(project.dir, ARTICLE),
      article(
        '\n![a](../../../etc/passwd.png)\n\n<img src="/etc/hostname" alt="b">\n\n![c](host.png)\n\n![d](fake.png)\n',
      ),
    );
    const report = await build(1);
    const found = report.editions[0]!.diagnostics.filter((d) => d.severity === 'error').map(
      (d) => `${d.line} ${d.code}`,
    );
    expect(found).toEqual([
      '17 IMAGE_OUTSIDE_PROJECT',
      '19 IMAGE_OUTSIDE_PROJECT',
      '21 IMAGE_OUTSIDE_PROJECT',
      '23 IMAGE_UNREADABLE',
    ]);
    await expect(stat(join(project.dir, 'out', SLUG))).rejects.toThrow(/ENOENT/);
  });

  it('rebuilds when an image changes, skips it when nothing did, and never copies an unchanged image again', async () => {
    await build();
    const [chart] = await published();
    const chartPath = join(project.dir, 'out', SLUG, chart!);
    const first = await stat(chartPath);

    const skipped = await build();
    expect(skipped.editions[0]!.cached).toBe(true);

    // the article changes: the edition is rebuilt, its unchanged image is left where it is
    await writeFile(join(project.dir, ARTICLE), article('\nOne more line.\n'));
    const rebuilt = await build();
    expect(rebuilt.editions[0]!.cached).toBeFalsy();
    expect(await project.read(`out/${SLUG}/index.html`)).toContain('One more line.');
    const again = await stat(chartPath);
    expect([again.ino, again.mtimeMs]).toEqual([first.ino, first.mtimeMs]);

    // only the image changes: the edition is rebuilt and refers to the new file; the old file is gone (the
    // previous manifest named it), while a file of the writer's own in the folder, named like one, stays
    const own = join(project.dir, 'out', SLUG, 'notes.abcdef.png');
    await writeFile(own, png(10, 10));
    await writeFile(join(project.dir, `content/${SLUG}/chart.png`), png(120, 60, [0, 90, 200]));
    const changed = await build();
    expect(changed.editions[0]!.cached).toBeFalsy();
    const now = (await published()).find((n) => n.startsWith('chart.') && n !== chart)!;
    expect(now).toMatch(/^chart\.[0-9a-f]{6}\.png$/);
    const html = await project.read(`out/${SLUG}/index.html`);
    expect(html).toContain(`${BASE}/${now}`);
    expect(html).not.toContain(`${BASE}/${chart}`);
    expect(await published()).not.toContain(chart);
    expect(await published()).toContain('notes.abcdef.png');
  });
});
