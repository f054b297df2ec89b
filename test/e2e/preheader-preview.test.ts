// What an inbox shows of a one-article edition: the subject (the article's title), then the preview, read from
// the top of the page's text, hidden preheader included. The preheader is the dek; the invisible spacing after
// it must keep the preview from running on into the page, where the masthead, the title and the dek follow:
// within what inboxes show (150 characters at most), the dek once, and neither the title nor the masthead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Browser } from 'playwright-core';
import { PREHEADER_SPACE } from '../../src/render/preheader.js';
import { launchBrowser, openPage } from '../helpers/browser.js';
import { tempProject, type TempProject, useStarter } from '../helpers/project.js';

const STARTERS = ['digest', 'story', 'links'];
const TITLE = 'Harbour walls';
const DEKS = {
  short: 'Why the old walls still hold the tide back',
  long:
    'A long dek that says more than an inbox line can hold: why the old harbour walls still hold the tide ' +
    'back, who keeps them, and what a winter of storms costs the town',
};
const article = (dek: string) =>
  `---\ntitle: "${TITLE}"\ndek: "${dek}"\nauthor: "Ann Marsh"\n---\nThe walls were built in stone a long time ago, and they still stand.\n`;

const projects = new Map<string, TempProject>();
let browser: Browser;

beforeAll(async () => {
  for (const starter of STARTERS) {
    const project = await tempProject({
      'content/short.md': article(DEKS.short),
      'content/long.md': article(DEKS.long),
    });
    await useStarter(project, starter);
    const built = await project.runHere(['build']);
    expect(built.code, built.stderr).toBe(0);
    projects.set(starter, project);
  }
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  for (const project of projects.values()) await project.remove();
});

/** The page's text as an inbox reads it for the preview: everything, hidden or not, spaces collapsed. */
async function previewOf(html: string): Promise<string> {
  const page = await openPage(browser);
  await page.route(/^https?:/, (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  const text = await page.evaluate(() => document.body.textContent ?? '');
  await page.close();
  return [...text.replace(/[ \t\r\n]+/g, ' ').trim()].slice(0, PREHEADER_SPACE).join('');
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe.each(STARTERS)('a one-article edition of the %s starter', (starter) => {
  it.each(Object.keys(DEKS) as (keyof typeof DEKS)[])(
    'shows the %s dek once after the subject, and nothing of the page',
    async (slug) => {
      const project = projects.get(starter)!;
      const manifest = JSON.parse(await project.read(`out/${slug}/manifest.json`)) as {
        subject: string;
        preheader: string;
      };
      expect(manifest.subject).toBe(TITLE);
      expect(manifest.preheader).toBe(DEKS[slug]);
      const preview = await previewOf(await project.read(`out/${slug}/index.html`));
      const shown = DEKS[slug].slice(0, PREHEADER_SPACE);
      expect(preview.startsWith(shown)).toBe(true);
      expect(count(preview, DEKS[slug].slice(0, 30))).toBe(1);
      expect(preview).not.toContain(TITLE);
      expect(preview).not.toContain('Field Notes');
    },
  );
});
