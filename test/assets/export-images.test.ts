// `export --zip` bundles the edition's local images beside index.html, referred to by relative paths, for
// platforms that import a zip; the exported folder keeps the published URLs; each manifest says which.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { tempProject, type TempProject } from '../helpers/project.js';
import { png } from '../helpers/images.js';

const SLUG = 'pictures';
const CHART = png(120, 60);

interface Manifest {
  files: Record<string, { bytes: number }>;
  images?: { form: string; files: string[] };
}

describe('export --zip with local images', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await tempProject({
      [`content/${SLUG}/edition.md`]: '---\nsubject: Pictures\npreheader: A chart, exported\n---\n',
      [`content/${SLUG}/01-charts.md`]: '---\ntitle: Charts\n---\n![Rainfall by month](chart.png)\n',
      [`content/${SLUG}/chart.png`]: CHART,
    });
    const result = await project.runHere(['export', SLUG, '--platform', 'mailchimp', '--zip']);
    expect(result.code, result.stderr).toBe(0);
  });
  afterAll(() => project.remove());

  it('bundles each image beside index.html, which names it by a relative path', async () => {
    const zip = unzipSync(await readFile(join(project.dir, `out/${SLUG}/export/mailchimp.zip`)));
    const names = Object.keys(zip).sort();
    const chart = names.find((n) => n.startsWith('chart.'))!;
    expect(chart).toMatch(/^chart\.[0-9a-f]{6}\.png$/);
    expect(names).toEqual(['index.html', 'index.txt', 'manifest.json', chart].sort());
    expect(Buffer.from(zip[chart]!).equals(CHART)).toBe(true);
    const html = new TextDecoder().decode(zip['index.html']);
    expect(html).toContain(`src="${chart}"`);
    expect(html).not.toContain(`/${SLUG}/${chart}`);
    const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json'])) as Manifest;
    expect(manifest.images).toEqual({ form: 'relative', files: [chart] });
    expect(manifest.files[chart]).toEqual({ bytes: CHART.length });
    expect(manifest.files['index.html']).toEqual({ bytes: zip['index.html']!.length });
  });

  it('keeps the published URLs in the exported folder, and says so', async () => {
    const html = await project.read(`out/${SLUG}/export/mailchimp/index.html`);
    const url =
      /src="(https:\/\/fieldnotes\.example\.com\/newsletter\/pictures\/chart\.[0-9a-f]{6}\.png)"/.exec(
        html,
      )?.[1];
    expect(url).toBeDefined();
    const manifest = JSON.parse(await project.read(`out/${SLUG}/export/mailchimp/manifest.json`)) as Manifest;
    expect(manifest.images).toEqual({ form: 'absolute', files: [url] });
  });
});
