// The built HTML in a real browser (Debian's Chromium via playwright-core): it must read well at 320 px
// without horizontal scrolling, and stay readable in dark mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../helpers/browser.js';
import { tempProject, type TempProject, addFixtureContent } from '../helpers/project.js';

let project: TempProject;
let browser: Browser;

beforeAll(async () => {
  project = await tempProject();
  await addFixtureContent(project, 'features');
  expect((await project.runHere(['build'])).code).toBe(0);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await project?.remove();
});

const editions = ['2026-11-field-notes', 'kursk-talks', 'features'];

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe.each(editions)('edition %s in Chromium', (slug) => {
  const url = () => pathToFileURL(join(project.dir, 'out', slug, 'index.html')).href;

  // loaded once and measured at each width: a resized viewport lays the page out again, as a fresh one would
  const WIDTHS = [320, 375, 600, 1024];
  it(`has no horizontal scroll at ${WIDTHS.join(', ')} px`, async () => {
    const page = await openPage(browser, { viewport: { width: WIDTHS[0]!, height: 800 } });
    await page.goto(url());
    const overflow: Record<number, number> = {};
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(clientWidth).toBe(width);
      overflow[width] = Math.max(0, scrollWidth - clientWidth);
    }
    expect(overflow).toEqual(Object.fromEntries(WIDTHS.map((width) => [width, 0])));
    await page.close();
  });

  it.each(['light', 'dark'] as const)('keeps body text readable in %s mode', async (colorScheme) => {
    const page = await openPage(browser, { viewport: { width: 600, height: 800 }, colorScheme });
    await page.goto(url());
    const pairs = await page.evaluate(() => {
      const background = (el: Element | null): string => {
        for (; el; el = el.parentElement) {
          const bg = getComputedStyle(el).backgroundColor;
          if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      return [...document.querySelectorAll('.nl-text p, .nl-text h1, .nl-text h2, .nl-text li, .nl-text td')]
        .filter((el) => (el as HTMLElement).offsetParent !== null && el.textContent!.trim())
        .map((el) => ({
          text: el.textContent!.slice(0, 30),
          color: getComputedStyle(el).color,
          background: background(el),
        }));
    });
    expect(pairs.length).toBeGreaterThan(3);
    for (const pair of pairs)
      expect(
        contrast(pair.color, pair.background),
        `${pair.text}: ${pair.color} on ${pair.background}`,
      ).toBeGreaterThanOrEqual(4.5);
    if (colorScheme === 'dark') expect(pairs.some((p) => p.background !== 'rgb(255, 255, 255)')).toBe(true);
    await page.close();
  });

  it('gives every image alt text and a width', async () => {
    const page = await openPage(browser);
    await page.goto(url());
    const images = await page.evaluate(() =>
      [...document.images].map((img) => ({ alt: img.getAttribute('alt'), width: img.getAttribute('width') })),
    );
    for (const image of images) {
      expect(image.alt).not.toBeNull();
      expect(image.width).toMatch(/^\d+$/);
    }
    await page.close();
  });
});
