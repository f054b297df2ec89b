// A template that writes every neutral recipient field (in MJML's own button and image markup too) and an
// article whose text reads like template syntax, exported for every platform through the real CLI; the
// exported HTML read in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadPlatforms } from '../../src/export/registry.js';
import { launchBrowser, openPage } from '../helpers/browser.js';
import { RECIPIENT_FIELDS } from '../../src/render/tokens.js';
import { tempProject, type RunResult, type TempProject } from '../helpers/project.js';
import { LITERAL } from './helpers.js';

const MJML = `<mjml lang="en">
  <mj-head><mj-title>{{edition.subject}}</mj-title></mj-head>
  <mj-body>
    <mj-section><mj-column>
      <mj-text><p>Hi {{recipient "first_name" fallback="friend"}}, this copy went to {{email}}.</p><p><a href="{{web_version_url}}">View in your browser</a></p></mj-text>
      {{#each articles}}<mj-text css-class="article"><h2>{{title}}</h2>{{body}}</mj-text>{{/each}}
      <mj-image src="https://fieldnotes.example.com/img/logo.png" width="100px" alt="For {{first_name}}" />
      <mj-button href="{{preferences_url}}">Manage your preferences</mj-button>
      <mj-text><p><a href="{{unsubscribe_url}}">Unsubscribe</a> · {{postal_address}}</p></mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>
`;
const TEXT = `Hi {{recipient "first_name" fallback="friend"}}, this copy went to {{email}}.
View in your browser: {{web_version_url}}
{{#each articles}}

{{title}}

{{body}}
{{/each}}

Preferences: {{preferences_url}}
Unsubscribe: {{unsubscribe_url}}
{{postal_address}}
`;
const PLATFORMS = await loadPlatforms();

interface Report {
  ok: boolean;
  platforms: {
    platform: string;
    ok: boolean;
    fallbacks: string[];
    diagnostics: { code: string; file?: string; line?: number; message: string }[];
  }[];
}

describe('a template with every neutral field', () => {
  let project: TempProject;
  let run: RunResult;
  let report: Report;

  beforeAll(async () => {
    project = await tempProject({
      'templates/default.mjml.hbs': MJML,
      'templates/default.txt.hbs': TEXT,
      'content/fields.txt': 'Every field\n\nA short dek\n\nA first paragraph with nothing special in it.\n',
    });
    run = await project.runHere(['export', 'fields', '--all', '--json']);
    report = JSON.parse(run.stdout) as Report;
  });
  afterAll(() => project.remove());

  it('exports for every platform', () => {
    expect(report.platforms.filter((p) => !p.ok)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it.each(PLATFORMS.map((p) => [p.name, p] as const))(
    '%s: a tag for each field it has, the configured value for the rest',
    async (name, platform) => {
      const result = report.platforms.find((p) => p.platform === name)!;
      const html = await project.read(`out/fields/export/${name}/index.html`);
      const text = await project.read(`out/fields/export/${name}/index.txt`);
      for (const field of RECIPIENT_FIELDS) {
        const textTag = platform.tags[field]?.({
          part: 'text',
          inAttribute: false,
          ...(field === 'first_name' && platform.fallbacks !== false ? { fallback: 'friend' } : {}),
        });
        if (textTag) expect(text, `${name} ${field}`).toContain(textTag);
        else expect(result.fallbacks).toContain(field);
      }
      expect(result.diagnostics.filter((d) => d.code === 'EXPORT_FIELD_FALLBACK').length).toBe(
        result.fallbacks.length,
      );
      // MJML wrote the button's <a> and the image's alt; the tags stand in them whole.
      const preferences = platform.tags.preferences_url?.({ part: 'html', inAttribute: true });
      if (platform.links?.preferences_url)
        expect(html).toMatch(
          /<preferences [^>]*target="_blank"[^>]*>\s*Manage your preferences\s*<\/preferences>/,
        );
      else if (preferences) expect(html).toContain(`href="${preferences}"`);
      else expect(html).toContain('href="https://fieldnotes.example.com/preferences"');
      const alt = platform.tags.first_name!({
        part: 'html',
        inAttribute: true,
        ...(platform.fallbacks !== false ? { fallback: 'there' } : {}),
      });
      expect(html).toContain(`alt="For ${alt}"`);
    },
  );
});

describe('article text that reads like template syntax', () => {
  let project: TempProject;
  let report: Report;
  let run: RunResult;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    project = await tempProject({
      'content/literal.txt': `Template syntax in prose\n\nA dek\n\n${LITERAL}\n`,
    });
    run = await project.runHere(['export', 'literal', '--all', '--json']);
    report = JSON.parse(run.stdout) as Report;
    browser = await launchBrowser();
    page = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await project?.remove();
  });

  it('is escaped where the platform can escape it, and fails where it cannot, pointing at the article line', () => {
    const failed = report.platforms.filter((p) => !p.ok).map((p) => p.platform);
    expect(failed).toEqual(['brevo', 'campaign-monitor', 'mailchimp', 'mailgun', 'postmark']);
    for (const name of failed) {
      const problems = report.platforms
        .find((p) => p.platform === name)!
        .diagnostics.filter((d) => d.code === 'EXPORT_LITERAL_SYNTAX');
      expect(problems.length, name).toBeGreaterThan(0);
      for (const d of problems) expect([d.file, d.line]).toEqual(['content/literal.txt', 5]);
    }
    expect(run.code).toBe(1);
  });

  it('writes nothing for a platform that failed', async () => {
    await expect(project.read('out/literal/export/mailchimp/index.html')).rejects.toThrow(/ENOENT/);
  });

  it.each(['buttondown', 'kit', 'listmonk', 'sendgrid', 'ses'])(
    '%s: reads in a browser exactly as written',
    async (name) => {
      const html = await project.read(`out/literal/export/${name}/index.html`);
      expect(html).not.toContain('Write {{');
      await page.setContent(html);
      const paragraphs = await page.$$eval('p', (ps) => ps.map((p) => (p as HTMLElement).innerText));
      expect(paragraphs).toContain(LITERAL);
    },
  );
});
