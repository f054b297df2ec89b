// The edition page's subscriber and platform pickers in Chromium: the preview started with a recipients
// file (the one `send --recipients` reads), a subscriber picked, then a platform whose engine runs here
// (SendGrid: Handlebars) and one whose engine does not (listmonk: the source, merge tags marked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempProject, type TempProject } from '../helpers/project.js';
import { PICKER_PROJECT } from './picker-project.js';
import { openPage, startPreviewWithBrowser, waitInPage, type RunningCli } from './helpers.js';

const frameText = () =>
  (document.getElementById('email') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText ?? '';
/** The frame's links to the unsubscribe page, as the browser resolved them. */
const unsubscribeLinks = () =>
  [
    ...((document.getElementById('email') as HTMLIFrameElement | null)?.contentDocument?.querySelectorAll(
      'a',
    ) ?? []),
  ]
    .map((a) => a.href)
    .filter((href) => href.includes('/u?'));

describe('preview pickers in Chromium', () => {
  let project: TempProject;
  let cli: RunningCli;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    project = await tempProject(PICKER_PROJECT);
    ({ cli, browser } = await startPreviewWithBrowser(project.dir, [
      '--port',
      '0',
      '--no-inbox',
      '--recipients',
      'subscribers.csv',
    ]));
    page = await openPage(browser, { viewport: { width: 1200, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it('shows the config’s defaults first, then fills the first name of the subscriber picked', async () => {
    await page.goto(`${cli.url}e/hello/`);
    await waitInPage(page, frameText, (t) => t.includes('Hi there,'), 'the defaults in the frame');
    await page.selectOption('#pick-subscriber', 'ann@example.org');
    await waitInPage(page, frameText, (t) => t.includes('Hi Ann,'), 'Ann’s first name in the frame');
    expect(new URL(page.url()).searchParams.get('subscriber')).toBe('ann@example.org');
    expect(await page.innerText('#plain-text')).toContain('Hi Ann,');
    expect(await page.evaluate(unsubscribeLinks)).toContain('https://example.org/u?id=1&list=2');
  });

  it('renders SendGrid’s export with Handlebars for that subscriber', async () => {
    await page.selectOption('#pick-platform', 'sendgrid');
    await waitInPage(
      page,
      () => document.getElementById('platform-note')?.innerText ?? '',
      (t) => t.includes('Handlebars'),
      'the SendGrid note',
    );
    expect(await page.innerText('#platform-note')).toContain("SendGrid's export rendered by Handlebars");
    expect(await page.getAttribute('#email', 'src')).toBe(
      'email-light.html?subscriber=ann%40example.org&platform=sendgrid',
    );
    const text = await waitInPage(page, frameText, (t) => t.includes('Hi Ann,'), 'the rendered export');
    expect(text).not.toContain('{{');
    expect(await page.evaluate(unsubscribeLinks)).toContain('https://example.org/u?id=1&list=2');
    expect(await page.innerText('#plain-text')).toContain('Hi Ann,');
    // a colour view keeps the picks
    await page.click('[data-view="dark"]');
    await waitInPage(
      page,
      () => document.getElementById('email')?.getAttribute('src'),
      (src) => src === 'email-dark.html?subscriber=ann%40example.org&platform=sendgrid',
      'the dark view of the same picks',
    );
    await waitInPage(page, frameText, (t) => t.includes('Hi Ann,'), 'Ann in the dark view');
    await page.click('[data-view="light"]');
  });

  it('shows a name with markup as text, in the picker, the note and the frame', async () => {
    await page.selectOption('#pick-subscriber', 'mal@example.org');
    await waitInPage(page, frameText, (t) => t.includes('Hi <b id="injected">Mal</b>,'), 'the name as text');
    const injected = await page.evaluate(() => ({
      page: document.getElementById('injected') !== null,
      frame:
        (document.getElementById('email') as HTMLIFrameElement).contentDocument!.getElementById(
          'injected',
        ) !== null,
    }));
    expect(injected).toEqual({ page: false, frame: false });
    expect(await page.innerText('#platform-note')).toContain('<b id="injected">Mal</b>');
  });

  it('shows listmonk’s export as source with its merge tags marked, and says it cannot run its engine', async () => {
    await page.selectOption('#pick-platform', 'listmonk');
    await waitInPage(
      page,
      () => document.getElementById('platform-html')?.innerText ?? '',
      (t) => t.includes('.Subscriber.FirstName'),
      'listmonk’s source',
    );
    expect(await page.innerText('#platform-note')).toContain("cannot run listmonk's template engine");
    expect(await page.$('#email')).toBeNull();
    const marks = await page.$$eval('#platform-html mark, #platform-text mark', (ms) =>
      ms.map((m) => m.textContent),
    );
    expect(marks).toContain('{{ UnsubscribeURL }}');
    expect(marks.some((m) => m?.includes('.Subscriber.FirstName'))).toBe(true);
  });

  it('goes back to the edition as send writes it', async () => {
    await page.selectOption('#pick-platform', '');
    await waitInPage(page, frameText, (t) => t.includes('Hi <b id="injected">Mal</b>,'), 'the send view');
    expect(new URL(page.url()).searchParams.has('platform')).toBe(false);
    expect(await page.$('#platform-note')).toBeNull();
  });
});
