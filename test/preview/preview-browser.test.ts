// `newsletter preview` end to end in a real browser: Debian's Chromium driven by playwright-core against
// the real CLI serving a temporary copy of the project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { tempProject, type TempProject } from '../helpers/project.js';
import { withIdentity } from '../helpers/sample-config.js';
import { openPage, startPreviewWithBrowser, waitInPage, type RunningCli } from './helpers.js';

const SLUG = '2026-11-field-notes';
const ARTICLE = `content/${SLUG}/01-one-click-unsubscribe.md`;

/** Text of the email inside the frame (the frame is same-origin and script-free, so the page can read it). */
const frameText = () =>
  (document.getElementById('email') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText ?? '';
const overlayText = () => document.getElementById('build-error')?.innerText ?? null;

describe('newsletter preview in Chromium', () => {
  let project: TempProject;
  let cli: RunningCli;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    project = await tempProject();
    ({ cli, browser } = await startPreviewWithBrowser(project.dir, ['--port', '0', '--no-inbox']));
    page = await openPage(browser, { viewport: { width: 1200, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    const code = await cli?.stop();
    expect(code).toBe(0);
    await project?.remove();
  });

  it('lists every edition on the index with subject, preheader, size and problems', async () => {
    await page.goto(cli.url);
    // listed at once, built in the background: the page updates itself as each edition lands
    await waitInPage(
      page,
      () => document.querySelectorAll('tr.building').length,
      (n) => n === 0,
      'every edition built',
    );
    const rows = await page.$$eval('table.editions tbody tr', (trs) =>
      trs.map((tr) => (tr as HTMLElement).innerText),
    );
    expect(rows).toHaveLength(2);
    const notes = rows.find((r) => r.includes(SLUG))!;
    expect(notes).toContain('Field Notes: easy exits, plain text and message weight');
    expect(notes).toContain('Three practical pieces on headers');
    expect(notes).toMatch(/\d+\.\d KB of 102\.0 KB/);
    expect(notes).toContain('0 errors');
    expect(rows.some((r) => r.includes('kursk-talks') && r.includes('Russia Says Talks'))).toBe(true);
  });

  it('opens an edition: inbox line, frame, plain text, sources, diagnostics', async () => {
    await page.click(`a[href="/e/${SLUG}/"]`);
    await waitInPage(
      page,
      frameText,
      (t) => t.includes('One-click unsubscribe, done properly'),
      'the email in the frame',
    );
    expect(await page.innerText('.inbox-row')).toContain('Field Notes: easy exits');
    expect((await page.innerText('#plain-text')).toLowerCase()).toContain(
      'one-click unsubscribe, done properly',
    );
    expect(await page.textContent('#mjml-source')).toContain('<mjml');
    expect(await page.textContent('#html-source')).toContain('<!doctype html>');
  });

  it('switches widths, and at 320 px the email does not scroll sideways', async () => {
    for (const width of [700, 375, 320]) {
      await page.click(`[data-width="${width}"]`);
      const size = await page.evaluate(() => {
        const frame = document.getElementById('email') as HTMLIFrameElement;
        const root = frame.contentDocument!.documentElement;
        return {
          frame: frame.getBoundingClientRect().width,
          scroll: root.scrollWidth,
          client: root.clientWidth,
        };
      });
      expect(Math.round(size.frame)).toBe(width + 2); // plus the 1 px border each side
      expect(size.client).toBe(width);
      expect(size.scroll).toBeLessThanOrEqual(size.client);
    }
    expect(await page.getAttribute('[data-width="320"]', 'aria-pressed')).toBe('true');
  });

  it('renders the email’s own dark styles, and an imitation of Gmail’s inverted dark mode', async () => {
    const background = () => {
      const doc = (document.getElementById('email') as HTMLIFrameElement).contentDocument!;
      const surface = doc.querySelector('.nl-surface') as HTMLElement;
      return {
        src: (document.getElementById('email') as HTMLIFrameElement).getAttribute('src'),
        surface: getComputedStyle(surface).backgroundColor,
        filter: getComputedStyle(doc.documentElement).filter,
      };
    };
    await page.click('[data-view="dark"]');
    const dark = await waitInPage(
      page,
      background,
      (b) => b.src === 'email-dark.html' && b.surface !== 'rgb(255, 255, 255)',
      'the dark view',
    );
    expect(dark.surface).toBe('rgb(28, 29, 32)'); // colors.darkSurface, from the template's prefers-color-scheme block
    await page.click('[data-view="gmail-dark"]');
    const gmail = await waitInPage(
      page,
      background,
      (b) => b.src === 'email-gmail-dark.html' && b.filter !== 'none',
      'the Gmail view',
    );
    expect(gmail.surface).toBe('rgb(255, 255, 255)'); // the light design, inverted as a whole
    expect(gmail.filter).toContain('invert(1)');
    await page.click('[data-view="light"]');
    await waitInPage(
      page,
      background,
      (b) => b.src === 'email-light.html' && b.filter === 'none' && b.surface === 'rgb(255, 255, 255)',
      'the light view',
    );
  });

  it('reloads with the new text when an article is saved, keeping the chosen width', async () => {
    const version = () => Number(document.body.dataset.version);
    const before = await page.evaluate(version);
    const original = await project.read(ARTICLE);
    await project.write(
      ARTICLE,
      original.replace(
        'Most mailing lists already offer a way out',
        'Nearly all mailing lists already offer a way out',
      ),
    );
    await waitInPage(
      page,
      frameText,
      (t) => t.includes('Nearly all mailing lists'),
      'the new text in the frame',
    );
    expect(await page.evaluate(version)).toBeGreaterThan(before);
    expect(await page.innerText('#plain-text')).toContain('Nearly all mailing lists'); // the whole page, not just the frame
    expect(await page.getAttribute('#email', 'width')).toBe('320');
    expect(await page.getAttribute('[data-width="320"]', 'aria-pressed')).toBe('true');
  });

  it('shows a build error over the page with its file:line, keeps serving, and clears it once fixed', async () => {
    const original = await project.read(ARTICLE);
    await project.write(
      ARTICLE,
      original.replace(
        'title: One-click unsubscribe, done properly',
        'title: "One-click unsubscribe, done properly',
      ),
    );
    const shown = await waitInPage(page, overlayText, (t) => t !== null, 'the error overlay');
    expect(shown).toContain(`${ARTICLE}:2`);
    expect(shown).toContain('FRONT_MATTER_YAML');
    const failed = cli.events.filter((e) => e.event === 'rebuilt').at(-1) as {
      editions: { slug: string; ok: boolean; diagnostics: { code: string; line: number }[] }[];
    };
    expect(failed.editions).toEqual([
      expect.objectContaining({
        slug: SLUG,
        ok: false,
        diagnostics: [expect.objectContaining({ code: 'FRONT_MATTER_YAML', line: 2 })],
      }),
    ]);
    // the last good build stays visible under the overlay
    await waitInPage(
      page,
      frameText,
      (t) => t.includes('Nearly all mailing lists'),
      'the last good build in the frame',
    );

    await project.write(ARTICLE, original.replace('Nearly all mailing lists', 'Almost all mailing lists'));
    await waitInPage(page, overlayText, (t) => t === null, 'the overlay to go');
    await waitInPage(
      page,
      frameText,
      (t) => t.includes('Almost all mailing lists'),
      'the fixed edition in the frame',
    );
  });

  it('rebuilds on template and config changes', async () => {
    const footer = 'templates/partials/footer.mjml.hbs';
    const original = await project.read(footer);
    await project.write(
      footer,
      original.replace('</mj-text>', '<p>Printed on recycled electrons.</p></mj-text>'),
    );
    await waitInPage(
      page,
      frameText,
      (t) => t.includes('Printed on recycled electrons.'),
      'the template change',
    );

    await project.write('newsletter.config.json', withIdentity(JSON.stringify({ name: 'Harbour Notes' })));
    await waitInPage(page, frameText, (t) => t.includes('Harbour Notes'), 'the config change');
    await project.write('newsletter.config.json', '{ "name": ');
    const overlay = await waitInPage(page, overlayText, (t) => t !== null, 'the config error overlay');
    expect(overlay).toContain('newsletter.config.json');
    await rm(join(project.dir, 'newsletter.config.json'));
    await waitInPage(page, overlayText, (t) => t === null, 'the config overlay to go');
  });

  it('updates the index when an edition is added or removed', async () => {
    await page.goto(cli.url);
    const slugs = () =>
      [...document.querySelectorAll('table.editions tbody tr')].map((tr) => (tr as HTMLElement).dataset.slug);
    await project.write(
      'content/harbour-report.md',
      '---\ntitle: Harbour report\n---\nThe ferries are running again.\n',
    );
    await waitInPage(page, slugs, (s) => s.includes('harbour-report'), 'the new edition on the index');
    await rm(join(project.dir, 'content/harbour-report.md'));
    await waitInPage(
      page,
      slugs,
      (s) => !s.includes('harbour-report') && s.length === 2,
      'the edition to leave the index',
    );
  });

  it('serves from memory: nothing written into out/', async () => {
    await expect(readdir(join(project.dir, 'out'))).rejects.toThrow(/ENOENT/);
  });
});
