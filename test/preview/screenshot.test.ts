// `newsletter screenshot` through the real CLI and Debian's Chromium; the PNGs are read back in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { tempProject, type TempProject } from '../helpers/project.js';
import { launchBrowser, openPage } from './helpers.js';

const SLUG = '2026-11-field-notes';

/** Width and height from the PNG header. */
const pngSize = (png: Buffer) => ({
  signature: png.subarray(1, 4).toString('latin1'),
  width: png.readUInt32BE(16),
  height: png.readUInt32BE(20),
});

describe('newsletter screenshot', () => {
  let project: TempProject;
  let browser: Browser;

  /** The colour of one pixel, read by drawing the PNG on a canvas in Chromium. */
  async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
    const page = await openPage(browser);
    try {
      return await page.evaluate(
        async ({ src, x, y }) => {
          const image = new Image();
          image.src = src;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.width;
          canvas.height = image.height;
          const context = canvas.getContext('2d')!;
          context.drawImage(image, 0, 0);
          return [...context.getImageData(x, y, 1, 1).data].slice(0, 3);
        },
        { src: `data:image/png;base64,${png.toString('base64')}`, x, y },
      );
    } finally {
      await page.close();
    }
  }
  const brightness = (rgb: number[]) => rgb.reduce((a, b) => a + b, 0) / 3;

  beforeAll(async () => {
    project = await tempProject();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await project?.remove();
  });

  it('writes a PNG of the edition at 600 px into out/<slug>/ by default', async () => {
    const result = await project.runHere(['screenshot', SLUG]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`out/${SLUG}/screenshot-600.png`);
    const png = await readFile(join(project.dir, 'out', SLUG, 'screenshot-600.png'));
    const size = pngSize(png);
    expect(size.signature).toBe('PNG');
    expect(size.width).toBe(600);
    expect(size.height).toBeGreaterThan(2000); // the whole edition, not one screen of it
    expect(brightness(await pixel(png, 10, 200))).toBeGreaterThan(200); // the light page background
  });

  it('renders the dark styles with --dark, at the width asked for, where --output says', async () => {
    const result = await project.runHere([
      'screenshot',
      SLUG,
      '--dark',
      '--width',
      '375',
      '--output',
      'shots/notes-dark.png',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      file: string;
      width: number;
      dark: boolean;
      bytes: number;
    };
    expect(report).toMatchObject({ ok: true, file: 'shots/notes-dark.png', width: 375, dark: true });
    const png = await readFile(join(project.dir, 'shots/notes-dark.png'));
    expect(png.length).toBe(report.bytes);
    expect(pngSize(png).width).toBe(375);
    expect(brightness(await pixel(png, 10, 200))).toBeLessThan(60); // the dark surface
  });

  it('exits 2 for an unknown edition and when no Chromium starts, 1 when the edition fails to build', async () => {
    const unknown = await project.runHere(['screenshot', 'no-such-edition']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('UNKNOWN_EDITION');

    const noBrowser = await project.runHere(['screenshot', SLUG], {
      env: { NEWSLETTER_CHROMIUM: join(project.dir, 'no-chromium-here') },
    });
    expect(noBrowser.code).toBe(2);
    expect(noBrowser.stderr).toContain('BROWSER_UNAVAILABLE');

    await project.write('content/broken.md', '---\ntitle: "unclosed\n---\nBody.\n');
    const broken = await project.runHere(['screenshot', 'broken']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/content\/broken\.md:2:\d+ error FRONT_MATTER_YAML/);
  });

  it('refuses a width it cannot use', async () => {
    const result = await project.runHere(['screenshot', SLUG, '--width', 'wide']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a width is a whole number');
  });
});
