// Gmail for other accounts and several webmail clients drop <style>: every starter must still fit a phone
// on its inline styles alone. Each starter renders the sample editions, the feature fixture and the
// 8-article weight fixture; Chromium loads each page with every <style> removed, at 320 and 375 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../src/preview/browser.js';
import { tempProject, type TempProject, addFixtureContent, useStarter } from '../helpers/project.js';
// @ts-expect-error a plain JavaScript module of the benchmark
import { writeWeightFixture } from '../../bench/weight-fixture.js';

const STARTERS = ['digest', 'story', 'links'];
const projects = new Map<string, TempProject>();
let browser: Browser;

beforeAll(async () => {
  for (const starter of STARTERS) {
    const project = await tempProject();
    await useStarter(project, starter);
    await addFixtureContent(project, 'features');
    await (writeWeightFixture as (dir: string) => Promise<void>)(join(project.dir, 'content'));
    const built = await project.runHere(['build']);
    expect(built.code, built.stderr).toBe(0);
    projects.set(starter, project);
  }
  const launched = await launchChromium();
  if ('problem' in launched) throw new Error(`${launched.problem}: ${launched.hint}`);
  browser = launched.browser;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  for (const project of projects.values()) await project.remove();
});

/** The page as a client that drops <style> shows it (Outlook's conditional comments are comments to it). */
const withoutStyle = (html: string) => html.replace(/<style\b[\s\S]*?<\/style>/gi, '');

// One page for a starter's editions, each loaded once and measured at both widths: a resized viewport lays
// the page out again, as a fresh one would.
const WIDTHS = [320, 375];
describe.each(STARTERS)('the %s starter without <style>', (starter) => {
  it(`keeps every edition inside a ${WIDTHS.join(' and a ')} px viewport`, async () => {
    const project = projects.get(starter)!;
    const slugs = (await readdir(join(project.dir, 'out'))).filter(
      (s) => !s.startsWith('.') && !s.includes('.'),
    );
    const editions = slugs.filter((s) => s !== 'archive');
    expect(editions.length).toBeGreaterThanOrEqual(4);
    const widths: Record<string, number[]> = {};
    const page = await browser.newPage({ viewport: { width: WIDTHS[0]!, height: 800 } });
    await page.route(/^https?:/, (route) => route.abort());
    for (const slug of editions) {
      await page.setViewportSize({ width: WIDTHS[0]!, height: 800 });
      await page.setContent(withoutStyle(await project.read(`out/${slug}/index.html`)), {
        waitUntil: 'load',
      });
      widths[slug] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        widths[slug].push(await page.evaluate(() => document.documentElement.scrollWidth));
      }
    }
    await page.close();
    expect(widths).toEqual(Object.fromEntries(editions.map((slug) => [slug, WIDTHS])));
  });
});
