// UTM tracking through the real CLI: applied once at build time, so the HTML, the text and every export agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { withIdentity } from '../helpers/sample-config.js';

const ARTICLE = `---
title: Links of every kind
url: https://fieldnotes.example.com/2026/10/links
---
See [the spec](https://www.rfc-editor.org/rfc/rfc8058#section-3.1), [their page](https://partner.example/page?utm_source=partner),
[a sponsor](https://sponsor.example/offer), [write to us](mailto:desk@fieldnotes.example.com) and
[our own unsubscribe page](https://fieldnotes.example.com/unsubscribe).
`;
const EDITION = `---
subject: Tracked links
date: 2026-10-02
---
Start with [the archive](https://fieldnotes.example.com/newsletter/).
`;
const CONFIG = JSON.stringify({
  utm: { source: 'fieldnotes', medium: 'email', skipDomains: ['sponsor.example'] },
});
const tracked = (content: string, amp = '&') =>
  ['utm_source=fieldnotes', 'utm_medium=email', 'utm_campaign=tracked', `utm_content=${content}`].join(amp);

describe('UTM parameters at build time', () => {
  let project: TempProject;

  beforeAll(async () => {
    project = await tempProject({
      'content/tracked/edition.md': EDITION,
      'content/tracked/01-links.md': ARTICLE,
      'newsletter.config.json': withIdentity(CONFIG),
    });
    const build = await project.runHere(['build']);
    expect(build.stderr).not.toMatch(/ error /);
    expect(build.code).toBe(0);
  });
  afterAll(() => project.remove());

  it('tracks article and intro links in the HTML, numbered by position', async () => {
    const html = await project.read('out/tracked/index.html');
    expect(html).toContain(
      `href="https://www.rfc-editor.org/rfc/rfc8058?${tracked('links-1', '&amp;')}#section-3.1"`,
    );
    expect(html).toContain(
      `href="https://fieldnotes.example.com/newsletter/?${tracked('intro-1', '&amp;')}"`,
    );
    expect(html).toContain('fieldnotes.example.com/2026/10/links?utm_source');
  });

  it('leaves alone links already tracked, blocked domains, mailto, unsubscribe and the template footer', async () => {
    const html = await project.read('out/tracked/index.html');
    expect(html).toContain('href="https://partner.example/page?utm_source=partner"');
    expect(html).toContain('href="https://sponsor.example/offer"');
    expect(html).toContain('href="mailto:desk@fieldnotes.example.com"');
    expect(html).toContain('href="https://fieldnotes.example.com/unsubscribe"');
    expect(html).toContain('href="https://fieldnotes.example.com/newsletter/tracked/"'); // web version, from the template
    // rfc8058, the intro, and the article's own link twice (title, "read on the web"; Handlebars writes "=" as &#x3D;)
    expect(html.replace(/&#x3D;/g, '=').match(/utm_source=fieldnotes/g)).toHaveLength(4);
  });

  it('writes the same tracked URLs in the plain text', async () => {
    const text = await project.read('out/tracked/index.txt');
    expect(text).toContain(`https://www.rfc-editor.org/rfc/rfc8058?${tracked('links-1')}#section-3.1`);
    expect(text).toContain(`https://fieldnotes.example.com/newsletter/?${tracked('intro-1')}`);
    expect(text).toContain(
      `Read on the web:\nhttps://fieldnotes.example.com/2026/10/links?${tracked('links-web')}`,
    );
    expect(text).toContain('https://sponsor.example/offer\n');
  });

  it('carries them into an export unchanged', async () => {
    const run = await project.runHere(['export', 'tracked', '--platform', 'mailchimp']);
    expect(run.code).toBe(0);
    const html = await project.read('out/tracked/export/mailchimp/index.html');
    expect(html).toContain(
      `href="https://www.rfc-editor.org/rfc/rfc8058?${tracked('links-1', '&amp;')}#section-3.1"`,
    );
    expect(await project.read('out/tracked/export/mailchimp/index.txt')).toContain(`?${tracked('intro-1')}`);
  });

  it('refuses a utm group without a source, as a configuration error', async () => {
    await project.write('newsletter.config.json', withIdentity('{\n  "utm": { "medium": "email" }\n}\n'));
    const run = await project.runHere(['build']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('newsletter.config.json:2');
    expect(run.stderr).toContain('CONFIG_INVALID');
  });
});
