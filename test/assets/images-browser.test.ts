// Local images as readers see them, in Chromium: the built edition served by a local HTTP server at the
// path of the configured URL (as `out/` is published), its light and dark logos swapped by the colour
// scheme; and the preview showing the images from the project and reloading when one changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { tempProject, type TempProject } from '../helpers/project.js';
import { png } from '../helpers/images.js';
import { launchBrowser, startPreviewCli, waitInPage, type RunningCli } from '../preview/helpers.js';

const SLUG = 'pictures';
const ARTICLE = `content/${SLUG}/01-charts.md`;

interface Shown {
  alt: string;
  src: string;
  complete: boolean;
  natural: number;
  width: number;
  visible: boolean;
}

/** Every image of the document (or of the preview's email frame), as Chromium shows it. */
const shownImages = (): Shown[] => {
  const frame = document.getElementById('email') as HTMLIFrameElement | null;
  const doc = frame?.contentDocument ?? document;
  return [...doc.images].map((img) => ({
    alt: img.alt,
    src: img.getAttribute('src') ?? '',
    complete: img.complete,
    natural: img.naturalWidth,
    width: Math.round(img.getBoundingClientRect().width),
    visible: img.getBoundingClientRect().height > 0,
  }));
};

/** Serves `dir` under `prefix`, as a static host publishing out/ would. */
function staticServer(dir: string, prefix: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) return void response.writeHead(404).end();
    const file = normalize(join(dir, path.slice(prefix.length), path.endsWith('/') ? 'index.html' : ''));
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'image/png';
    readFile(file).then(
      (body) => response.writeHead(200, { 'Content-Type': type }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('local images in Chromium', () => {
  let project: TempProject;
  let browser: Browser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    project = await tempProject({
      [`content/${SLUG}/edition.md`]: '---\nsubject: Pictures\npreheader: A chart and a logo\n---\n',
      [ARTICLE]: '---\ntitle: Charts\n---\nRain this year:\n\n![Rainfall by month](chart.png)\n',
      [`content/${SLUG}/chart.png`]: png(120, 60),
      'brand/logo.png': png(200, 50, [20, 20, 20]),
      'brand/logo-dark.png': png(200, 50, [240, 240, 240]),
    });
    server = await staticServer(join(project.dir, 'out'), '/letters/');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/letters`;
    await project.write(
      'newsletter.config.json',
      JSON.stringify({
        url: base,
        logo: { src: 'brand/logo.png', dark: 'brand/logo-dark.png', alt: 'Field Notes', width: 100 },
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await project?.remove();
  });

  it('shows the built page’s images from where out/ is published, and the dark logo in dark mode', async () => {
    const built = await project.runHere(['build']);
    expect(built.code, built.stderr).toBe(0);

    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: 700, height: 900 },
      });
      const page: Page = await context.newPage();
      await page.goto(`${base}/${SLUG}/`, { waitUntil: 'load' });
      const images = await page.evaluate(shownImages);
      await context.close();

      const chart = images.find((i) => i.alt === 'Rainfall by month')!;
      expect(chart.src).toMatch(new RegExp(`^${base}/${SLUG}/chart\\.[0-9a-f]{6}\\.png$`));
      expect(chart).toMatchObject({ complete: true, natural: 120, width: 120, visible: true });

      const logos = images.filter((i) => i.alt === 'Field Notes');
      expect(logos).toHaveLength(2);
      for (const logo of logos) expect(logo).toMatchObject({ complete: true, natural: 200 });
      // one logo at a time: the light one in light mode, the dark one in dark mode
      const shown = logos.filter((l) => l.visible);
      expect(shown).toHaveLength(1);
      expect(shown[0]!.src).toMatch(
        scheme === 'light' ? /\/logo\.[0-9a-f]{6}\.png$/ : /\/logo-dark\.[0-9a-f]{6}\.png$/,
      );
      expect(shown[0]!.width).toBe(100);
    }
  });

  it('shows the images in the preview, and reloads when an image file changes', async () => {
    const cli: RunningCli = await startPreviewCli(project.dir, ['--port', '0', '--no-inbox']);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    try {
      await page.goto(`${cli.url}e/${SLUG}/`);
      const chart = (images: Shown[]) => images.find((i) => i.alt === 'Rainfall by month');
      const first = chart(
        await waitInPage(page, shownImages, (i) => chart(i)?.natural === 120, 'the chart in the preview'),
      )!;
      // served by the preview itself, from the project: not from the published URL
      expect(first.src).toMatch(new RegExp(`^/e/${SLUG}/chart\\.[0-9a-f]{6}\\.png$`));

      await project.write(`content/${SLUG}/chart.png`, png(240, 60, [0, 90, 200]));
      const second = chart(
        await waitInPage(page, shownImages, (i) => chart(i)?.natural === 240, 'the changed chart', 30_000),
      )!;
      expect(second.src).not.toBe(first.src);
      expect(second.width).toBe(240);
    } finally {
      await page.close();
      expect(await cli.stop()).toBe(0);
    }
  });
});
