// Right-to-left in a real browser (Debian's Chromium via playwright-core): an Arabic edition, and a Hebrew
// article inside an English one, must read right-to-left, sit on the right and never scroll sideways.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/preview/browser.js';
import { tempProject, type TempProject, addFixtureContent } from '../helpers/project.js';

let project: TempProject;
let browser: Browser;

beforeAll(async () => {
  project = await tempProject({});
  await addFixtureContent(project, 'i18n');
  expect((await project.runHere(['build'])).code).toBe(0);
  const launched = await launchChromium();
  if ('problem' in launched) throw new Error(`${launched.problem}: ${launched.hint}`);
  browser = launched.browser;
});
afterAll(async () => {
  await browser?.close();
  await project?.remove();
});

interface Block {
  text: string;
  direction: string;
  /** Gaps between the text's own box and its container's edges, in CSS pixels. */
  left: number;
  right: number;
}

/** The paragraphs and list items matching `scope`, with the gaps of their text to their block's edges. */
async function blocks(page: Page, scope: string): Promise<Block[]> {
  return page.evaluate((selector) => {
    return [...document.querySelectorAll(selector)]
      .filter((el) => el.textContent!.trim().length > 0)
      .map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return {
          text: el.textContent!.trim().slice(0, 24),
          direction: getComputedStyle(el).direction,
          left: text.left - box.left,
          right: box.right - text.right,
        };
      });
  }, scope);
}

async function open(slug: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(pathToFileURL(join(project.dir, 'out', slug, 'index.html')).href);
  return page;
}

async function scrolls(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** Short lines (a byline, the last list item) show alignment: their text hugs the right edge. */
function expectRightAligned(found: Block[]) {
  expect(found.length).toBeGreaterThan(2);
  for (const block of found) {
    expect(block.direction, block.text).toBe('rtl');
    expect(block.right, `${block.text}: gap on the right`).toBeLessThan(2);
  }
  expect(found.some((b) => b.left > 40)).toBe(true); // some lines are short: the test could tell
}

describe.each([375, 600])('at %i px', (width) => {
  it('lays the Arabic edition out right to left', async () => {
    const page = await open('arabic', width);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expectRightAligned(await blocks(page, '.nl-text p, .nl-text li, .nl-text h1, .nl-text h2'));
    // list markers on the right: each item's marker box is past its text's right edge
    const markers = await page.evaluate(() =>
      [...document.querySelectorAll('.nl-text ul')].map((ul) => {
        const list = ul.getBoundingClientRect();
        const item = ul.querySelector('li')!.getBoundingClientRect();
        return {
          padRight: item.left - list.left < list.right - item.right,
          style: getComputedStyle(ul).paddingRight,
        };
      }),
    );
    expect(markers.length).toBeGreaterThan(0);
    for (const marker of markers) {
      expect(marker.padRight).toBe(true);
      expect(marker.style).toBe('24px');
    }
    const quote = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.nl-text blockquote')!);
      return { right: style.borderRightWidth, left: style.borderLeftWidth };
    });
    expect(quote).toEqual({ right: '3px', left: '0px' });
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('.nl-text td, .nl-text th')].map((c) => getComputedStyle(c).textAlign),
    );
    expect(cells.length).toBeGreaterThan(0);
    // a cell that inherits an align="right" attribute computes as -webkit-right: the same right edge
    expect(new Set(cells.map((a) => a.replace(/^-webkit-/, '')))).toEqual(new Set(['right']));
    expect(await scrolls(page)).toBe(false);
    await page.close();
  });

  it('lays a Hebrew article right to left inside an English edition', async () => {
    const page = await open('mixed', width);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expectRightAligned(await blocks(page, '[lang="he"] p, [lang="he"] li, [lang="he"] h2'));
    const english = await blocks(page, '.nl-text:not(.nl-rtl) p');
    expect(english.length).toBeGreaterThan(2);
    for (const block of english) {
      expect(block.direction, block.text).toBe('ltr');
      expect(block.left, block.text).toBeLessThan(2);
    }
    expect(await scrolls(page)).toBe(false);
    await page.close();
  });
});
