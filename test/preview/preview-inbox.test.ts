// The local inbox inside the preview: a message sent over real SMTP to the inbox the preview started
// shows up at /inbox while the page is open, with its HTML (sandboxed), text, headers and raw source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from 'nodemailer';
import type { Browser, Page } from 'playwright-core';
import { tempProject, type TempProject } from '../helpers/project.js';
import { openPage, rawGet, startPreviewWithBrowser, waitInPage, type RunningCli } from './helpers.js';

describe('preview /inbox', () => {
  let project: TempProject;
  let cli: RunningCli;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    project = await tempProject({ 'content/hello.md': '---\ntitle: Hello\n---\nA short edition.\n' });
    ({ cli, browser } = await startPreviewWithBrowser(project.dir, ['--port', '0', '--inbox-port', '0']));
    page = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it('starts the inbox and says where it listens', async () => {
    expect(cli.inbox).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    await page.goto(`${cli.url}inbox`);
    expect(await page.innerText('main')).toContain(cli.inbox!);
    expect(await page.innerText('main')).toContain('No messages yet.');
  });

  it('shows a message sent to it while the inbox page is open', async () => {
    const port = Number(new URL(cli.inbox!).port);
    const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Field Notes <editor@fieldnotes.example.com>',
      to: 'reader@example.org',
      subject: 'Inbox check',
      text: 'Plain part of the inbox check.',
      html: '<p>HTML part of the <strong>inbox check</strong>.</p><script>document.title = "ran"</script>',
    });
    transport.close();
    const rows = () =>
      [...document.querySelectorAll('table.messages tbody tr')].map((tr) => (tr as HTMLElement).innerText);
    const listed = await waitInPage(page, rows, (r) => r.length === 1, 'the message in the list');
    expect(listed[0]).toContain('Inbox check');
    expect(listed[0]).toContain('reader@example.org');

    await page.click('table.messages a');
    const html = () =>
      (document.getElementById('email') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText ?? '';
    expect(await waitInPage(page, html, (t) => t.includes('inbox check'), 'the HTML part')).toContain(
      'HTML part of the inbox check.',
    );
    const main = await page.innerText('main');
    expect(main).toContain('Plain part of the inbox check.');
    expect(main).toMatch(/Subject\s+Inbox check/);
    expect(await page.textContent('details pre')).toContain('Content-Type: multipart/alternative');
    // the sender's script never ran: the frame is sandboxed without scripts
    expect(
      await page.evaluate(
        () => (document.getElementById('email') as HTMLIFrameElement).contentDocument!.title,
      ),
    ).not.toBe('ran');
    const frame = await rawGet(
      cli.port,
      new URL(await page.evaluate(() => (document.getElementById('email') as HTMLIFrameElement).src))
        .pathname,
    );
    expect(frame.headers['content-security-policy']).toContain('sandbox allow-same-origin');
  });

  it('answers 404 for messages it does not have', async () => {
    expect((await rawGet(cli.port, '/inbox/nope')).status).toBe(404);
    expect((await rawGet(cli.port, '/inbox/..%2fserver')).status).toBe(404);
  });
});
