// Images the design names and the check rules on image files: `{{asset}}` in templates and the config's
// logo resolved against their own folders, and SVG, heavy and oversized images reported by `check`.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tempProject, type TempProject } from '../helpers/project.js';
import { png } from '../helpers/images.js';

const SLUG = 'pictures';
const ARTICLE = `content/${SLUG}/01-charts.md`;
const FOOTER = 'templates/partials/footer.mjml.hbs';

interface Diagnostic {
  code: string;
  severity: string;
  file?: string;
  line?: number;
  message: string;
}

/** A real PNG made heavy by a private chunk of noise (readers skip chunks they do not know). */
function heavyPng(width: number, height: number, bytes: number): Buffer {
  const image = png(width, height);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes);
  // a private ancillary chunk ("prIv") before IEND, its CRC left zero: only its weight matters here
  const chunk = Buffer.concat([length, Buffer.from('prIv'), randomBytes(bytes), Buffer.alloc(4)]);
  return Buffer.concat([image.subarray(0, image.length - 12), chunk, image.subarray(image.length - 12)]);
}

describe('images named by templates and the config', () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it('publishes {{asset}} images from templates/ and a local logo from beside the config', async () => {
    project = await tempProject({
      [ARTICLE]: '---\ntitle: Charts\n---\nNo pictures here.\n',
      'templates/mark.png': png(40, 40),
      'brand/logo.png': png(300, 80),
      'newsletter.config.json': JSON.stringify({
        url: 'https://news.example.org',
        logo: { src: 'brand/logo.png', alt: 'Field Notes', width: 150 },
      }),
    });
    const footer = await project.read(FOOTER);
    await project.write(
      FOOTER,
      footer.replace(
        '<mj-divider',
        '<mj-image src="{{asset "mark.png"}}" alt="The Field Notes mark" width="40px" />\n    <mj-divider',
      ),
    );
    const result = await project.runHere(['build']);
    expect(result.code, result.stderr).toBe(0);
    const names = (await readdir(join(project.dir, 'out', SLUG))).filter((n) => n.endsWith('.png')).sort();
    expect(names).toEqual([
      expect.stringMatching(/^logo\.[0-9a-f]{6}\.png$/),
      expect.stringMatching(/^mark\.[0-9a-f]{6}\.png$/),
    ]);
    const html = await project.read(`out/${SLUG}/index.html`);
    for (const name of names) expect(html).toContain(`src="https://news.example.org/${SLUG}/${name}"`);
  });

  it('names the template line of a missing {{asset}} image and fails the edition', async () => {
    project = await tempProject({ [ARTICLE]: '---\ntitle: Charts\n---\nNo pictures here.\n' });
    const footer = await project.read(FOOTER);
    await project.write(FOOTER, `${footer}<mj-raw><img src="{{asset "nowhere.png"}}" alt="x"></mj-raw>\n`);
    const result = await project.runHere(['build']);
    expect(result.code).toBe(1);
    const line = footer.split('\n').length;
    expect(result.stderr).toContain(`${FOOTER}:${line}:`);
    expect(result.stderr).toMatch(
      /error IMAGE_NOT_FOUND image "nowhere\.png" not found \(looked for templates\/nowhere\.png\)/,
    );
  });
});

describe('check rules on image files', () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it('reports SVG as an error, and heavy and oversized images as warnings, at the line naming them', async () => {
    project = await tempProject({
      [ARTICLE]: [
        '---',
        'title: Charts',
        '---',
        'A drawing: ![Rainfall by month](drawing.svg)',
        '',
        'A photo: ![The harbour at dawn](harbour.png)',
        '',
        'A panorama: ![The whole bay](bay.png)',
        '',
      ].join('\n'),
      [`content/${SLUG}/drawing.svg`]:
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100"/></svg>',
      [`content/${SLUG}/harbour.png`]: heavyPng(500, 300, 1_200_000),
      [`content/${SLUG}/bay.png`]: png(3000, 20),
    });
    const result = await project.runHere(['check', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { editions: { diagnostics: Diagnostic[] }[] };
    const found = report.editions[0]!.diagnostics.filter((d) =>
      ['IMAGE_SVG', 'IMAGE_HEAVY', 'IMAGE_OVERSIZED'].includes(d.code),
    ).map((d) => [d.code, d.severity, d.file, d.line]);
    expect(found).toEqual([
      ['IMAGE_SVG', 'error', ARTICLE, 4],
      ['IMAGE_HEAVY', 'warning', ARTICLE, 6],
      ['IMAGE_OVERSIZED', 'warning', ARTICLE, 8],
    ]);
    const heavy = report.editions[0]!.diagnostics.find((d) => d.code === 'IMAGE_HEAVY')!;
    expect(heavy.message).toBe(`content/${SLUG}/harbour.png weighs 1.1 MB: slow on a phone`);
  });

  it('with embedded images, fails a message over 10 MB and names its heaviest image', async () => {
    project = await tempProject({
      'newsletter.config.json': JSON.stringify({ embedImages: true }),
      [ARTICLE]:
        '---\ntitle: Charts\n---\nA photo: ![The harbour at dawn](harbour.png)\n\nA chart: ![Rain](chart.png)\n',
      [`content/${SLUG}/harbour.png`]: heavyPng(500, 300, 8_000_000),
      [`content/${SLUG}/chart.png`]: png(120, 60),
    });
    const result = await project.runHere(['check', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { editions: { diagnostics: Diagnostic[] }[] };
    const heavy = report.editions[0]!.diagnostics.find((d) => d.code === 'MESSAGE_TOO_HEAVY')!;
    expect(heavy).toMatchObject({ severity: 'error', file: ARTICLE, line: 4 });
    expect(heavy.message).toMatch(
      new RegExp(
        `weighs 1\\d\\.\\d MB, .* the heaviest image is content/${SLUG}/harbour\\.png \\(7\\.6 MB\\)$`,
      ),
    );
  });

  it('leaves a light PNG of a sensible size alone', async () => {
    project = await tempProject({
      [ARTICLE]: '---\ntitle: Charts\n---\nA chart: ![Rainfall by month](chart@2x.png)\n',
      [`content/${SLUG}/chart@2x.png`]: png(1104, 400),
    });
    const result = await project.runHere(['check', '--json']);
    const report = JSON.parse(result.stdout) as { editions: { diagnostics: Diagnostic[] }[] };
    expect(report.editions[0]!.diagnostics.filter((d) => d.code.startsWith('IMAGE_'))).toEqual([]);
  });
});
