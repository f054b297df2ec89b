// The whole loop a user without an SMTP account goes through: `newsletter preview` runs the local inbox,
// `newsletter send` with no SMTP settings delivers to it, and the message shows at /inbox in Chromium,
// personalised for its recipient.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempProject, type TempProject } from '../helpers/project.js';
import { openPage, startPreviewWithBrowser, waitInPage, type RunningCli } from '../preview/helpers.js';
import { smtpEnv } from '../send/smtp-server.js';

describe('send with no SMTP settings, seen at /inbox in the browser', () => {
  let project: TempProject;
  let cli: RunningCli;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    project = await tempProject();
    await project.write('testers.csv', 'email,first_name\nann@example.org,Ann\n');
    ({ cli, browser } = await startPreviewWithBrowser(project.dir, ['--port', '0']));
    page = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it('lands in the inbox the preview runs, and the page lists and shows it', async () => {
    const result = await project.run(['send', '2026-11-field-notes', '--recipients', 'testers.csv'], {
      env: smtpEnv(0, { SMTP_URL: '' }),
    });
    expect(result.stderr).toContain(
      `No SMTP settings: sending to the local inbox at ${cli.inbox!.replace('smtp://', '')}`,
    );
    expect(result.code).toBe(0);

    await page.goto(`${cli.url}inbox`);
    const rows = () =>
      [...document.querySelectorAll('table.messages tbody tr')].map((tr) => (tr as HTMLElement).innerText);
    const listed = await waitInPage(page, rows, (r) => r.length === 1, 'the sent message in the list');
    expect(listed[0]).toContain('[TEST] ');
    expect(listed[0]).toContain('ann@example.org');

    await page.click('table.messages a');
    const body = () =>
      (document.getElementById('email') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText ?? '';
    expect(
      await waitInPage(page, body, (t) => t.includes('Hi Ann,'), 'the personalised HTML part'),
    ).toContain('Hi Ann,');
    const main = await page.innerText('main');
    expect(main).toContain('Hi Ann,');
    expect(main).toMatch(/List-Unsubscribe\s+<https:\/\//);
  });
});
