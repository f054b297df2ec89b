// The details of every starter's layout, measured in Chromium: a table header never breaks inside a word at
// 320 px (the table scrolls in its own box instead, with or without <style>), Markdown's column alignment
// reaches the cells, the footer is 14 px or more with links 24 px tall or more (WCAG 2.2, target size), and in
// dark mode the lines (table rows, dividers, quotes, the header's stripe) and the page behind take the dark
// palette. And, read from the page: every element the layout colours has Outlook.com's [data-ogsc]/[data-ogsb]
// rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../helpers/browser.js';
import { tempProject, useStarter, type TempProject } from '../helpers/project.js';
// @ts-expect-error a plain JavaScript module of the benchmark
import { writeWeightFixture, WEIGHT_SLUG } from '../../bench/weight-fixture.js';

const STARTERS = ['digest', 'story', 'links'];
const pages = new Map<string, string>();
let browser: Browser;

beforeAll(async () => {
  for (const starter of STARTERS) {
    const project: TempProject = await tempProject();
    await useStarter(project, starter);
    await (writeWeightFixture as (dir: string) => Promise<void>)(join(project.dir, 'content'));
    const built = await project.runHere(['build']);
    expect(built.code, built.stderr).toBe(0);
    pages.set(starter, await project.read(`out/${WEIGHT_SLUG as string}/index.html`));
    await project.remove();
  }
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
});

const withoutStyle = (html: string) => html.replace(/<style\b[\s\S]*?<\/style>/gi, '');

async function open(html: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await openPage(browser, { viewport: { width, height: 800 }, colorScheme });
  await page.route(/^https?:/, (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

describe.each(STARTERS)('the %s starter', (starter) => {
  // the page as built, in light mode: loaded once, resized for each test that reads it (a resized viewport
  // lays the page out again, as a fresh one would); closed by the browser at the end
  let shared: Page | undefined;
  const light = async (width: number): Promise<Page> => {
    shared ??= await open(pages.get(starter)!, width);
    await shared.setViewportSize({ width, height: 800 });
    return shared;
  };
  const done = (page: Page) => (page === shared ? undefined : page.close());

  it.each([
    ['with', (html: string) => html],
    ['without', withoutStyle],
  ] as const)(
    'keeps every header word whole at 320 px, %s <style>, the table scrolling in its box',
    async (how, as) => {
      const page = how === 'with' ? await light(320) : await open(as(pages.get(starter)!), 320);
      const found = await page.evaluate(() => {
        // a word broken across lines shows as one word with more than one line box
        const broken: string[] = [];
        for (const th of document.querySelectorAll('th')) {
          const text = th.firstChild!;
          const words = (text.textContent ?? '').split(' ');
          let at = 0;
          for (const word of words) {
            const range = document.createRange();
            range.setStart(text, at);
            range.setEnd(text, at + word.length);
            if (range.getClientRects().length > 1) broken.push(word);
            at += word.length + 1;
          }
        }
        const boxes = [...document.querySelectorAll('table:not([role])')].map((t) => t.parentElement!);
        return {
          headers: document.querySelectorAll('th').length,
          broken,
          page: document.documentElement.scrollWidth,
          scrolls: boxes.filter(
            (b) => b.scrollWidth > b.clientWidth && getComputedStyle(b).overflowX === 'auto',
          ).length,
          tables: boxes.length,
        };
      });
      await done(page);
      expect(found.headers).toBe(40);
      expect(found.broken).toEqual([]);
      expect(found.page).toBe(320);
      expect(found.scrolls).toBe(found.tables);
    },
  );

  it("aligns the cells as Markdown's columns say", async () => {
    const page = await light(600);
    const aligns = await page.evaluate(() =>
      [...document.querySelectorAll('table:not([role]) tr')]
        .slice(0, 2)
        .map((tr) =>
          [...tr.children].map((cell) => getComputedStyle(cell).textAlign.replace('-webkit-', '')),
        ),
    );
    // | Client | Share (---:) | Clips at (:---:) | Dark mode | Styles |
    for (const row of aligns) expect(row.slice(0, 3)).toEqual(['left', 'right', 'center']);
  });

  it.each([320, 600])(
    'writes the footer at 14 px or more with links 24 px tall or more, at %i px',
    async (width) => {
      const page = await light(width);
      const footer = await page.evaluate(() => {
        const last = [...document.querySelectorAll('p.nl-small')].filter((p) => p.querySelector('a')).pop()!;
        return {
          size: parseFloat(getComputedStyle(last).fontSize),
          links: [...last.querySelectorAll('a')].map((a) => a.getBoundingClientRect().height),
        };
      });
      expect(footer.size).toBeGreaterThanOrEqual(14);
      expect(footer.links.length).toBe(3);
      for (const height of footer.links) expect(height).toBeGreaterThanOrEqual(24);
    },
  );

  it('draws its lines in the dark palette in dark mode', async () => {
    const page = await open(pages.get(starter)!, 600, 'dark');
    const lines = await page.evaluate(() => ({
      row: getComputedStyle(document.querySelector('table:not([role]) tr')!).borderBottomColor,
      rules: [...document.querySelectorAll('.nl-rule p')].map((p) => getComputedStyle(p).borderTopColor),
      quote: getComputedStyle(document.querySelector('blockquote')!).borderLeftColor,
      stripe: getComputedStyle(document.querySelector('.nl-top td')!).borderTopColor,
      // MJML's div around the whole email paints the page's light background again
      behind: getComputedStyle(document.querySelector('[role=article]')!).backgroundColor,
    }));
    await page.close();
    const dark = 'rgb(58, 61, 66)'; // #3a3d42
    const darkBrand = 'rgb(138, 180, 248)'; // the sample's darkBrand, #8ab4f8
    expect(lines.row).toBe(dark);
    expect(lines.rules.length).toBeGreaterThanOrEqual(2);
    for (const rule of lines.rules) expect(rule).toBe(dark);
    expect(lines.quote).toBe(darkBrand);
    expect(lines.stripe).toBe(darkBrand);
    expect(lines.behind).toBe('rgb(17, 18, 20)'); // darkBackground, #111214
  });

  it("gives every element it colours Outlook.com's dark rule", async () => {
    const page = await light(600);
    const found = await page.evaluate(() => {
      const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('');
      const rules = (attribute: string) =>
        [...css.matchAll(/([^{}]+)\{[^}]*\}/g)]
          .flatMap((m) => m[1]!.split(','))
          .map((selector) => selector.trim())
          .filter((selector) => selector.startsWith(`[${attribute}] `))
          .map((selector) => selector.slice(attribute.length + 3));
      const text = rules('data-ogsc');
      const background = rules('data-ogsb');
      const missing: string[] = [];
      for (const element of document.querySelectorAll('[style]')) {
        const style = element.getAttribute('style')!;
        if (/display:\s*none/.test(style)) continue; // hidden: the preheader, the dark logo
        const name = `${element.tagName.toLowerCase()}.${element.className}: ${style}`;
        if (/(^|;)(color|border[a-z-]*):[^;]*#/.test(style) && !text.some((s) => element.matches(s)))
          missing.push(name);
        if (/(^|;)background(-color)?:#/.test(style) && !background.some((s) => element.matches(s)))
          missing.push(name);
      }
      return { missing, text: text.length, background: background.length };
    });
    expect(found.missing).toEqual([]);
    expect(found.text).toBeGreaterThan(10);
    expect(found.background).toBeGreaterThan(3);
  });
});
