// The per-platform rules on exports that break them.
import { describe, expect, it } from 'vitest';
import { SIZE_LIMIT_BYTES, SIZE_WARNING_BYTES } from '../../src/checks/size.js';
import { token } from '../../src/render/tokens.js';
import { codes, exportFor, KEPT_HTML, KEPT_TEXT } from './helpers.js';

describe('export rules', () => {
  it("requires the platform's unsubscribe tag in each part", async () => {
    const result = await exportFor('mailchimp', { text: KEPT_TEXT.replace(/Unsubscribe: .*\n/, '') });
    expect(result.diagnostics.filter((d) => d.code === 'EXPORT_REQUIRED_TAG')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: 'Mailchimp requires *|UNSUB|* in the plain text, and the export has none',
        file: 'out/issue-7/export/mailchimp/index.txt',
      }),
    ]);
    expect(result.ok).toBe(false);
  });

  it('finds text beside a tag that joins it into syntax the export did not write', async () => {
    // "{" right before {{{unsubscribe}}} makes "{{{{", which Handlebars reads differently.
    const result = await exportFor('sendgrid', { text: `${KEPT_TEXT}Again: {${token('unsubscribe_url')}\n` });
    const broken = result.diagnostics.filter((d) => d.code === 'EXPORT_TAG_BROKEN');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ file: 'out/issue-7/export/sendgrid/index.txt', line: 7, column: 8 });
  });

  it('finds a recipient field MJML or inlining encoded', async () => {
    const html = KEPT_HTML.replace('</body>', '<a href="%EE%80%80web_version_url%EE%80%82">x</a></body>');
    expect(codes(await exportFor('kit', { html }))).toContain('EXPORT_TAG_BROKEN');
    const entity = KEPT_HTML.replace('</body>', '<p>&#xE000;email&#xE002;</p></body>');
    expect(codes(await exportFor('kit', { html: entity }))).toContain('EXPORT_TAG_BROKEN');
  });

  it('finds a token left broken (no closing character)', async () => {
    const result = await exportFor('listmonk', { text: `${KEPT_TEXT}Hi \uE000first_name\n` });
    expect(result.diagnostics.find((d) => d.code === 'EXPORT_TOKEN_LEFT')).toMatchObject({
      line: 7,
      column: 4,
    });
  });

  it("weighs the HTML again with the platform's tags in place", async () => {
    // Just under the warning size with the short neutral tokens; Mailchimp's fallback conditional is longer.
    const filler = (bytes: number) => `<p>${'x'.repeat(bytes)}</p>`;
    const base = Buffer.byteLength(KEPT_HTML);
    const near = KEPT_HTML.replace('</body>', `${filler(SIZE_WARNING_BYTES - base - 8)}</body>`);
    expect(Buffer.byteLength(near)).toBeLessThan(SIZE_WARNING_BYTES);
    expect(codes(await exportFor('mailchimp', { html: near }))).toContain('SIZE_WARNING');
    const over = KEPT_HTML.replace('</body>', `${filler(SIZE_LIMIT_BYTES - base)}</body>`);
    const result = await exportFor('sendgrid', { html: over });
    expect(codes(result)).toContain('SIZE_CLIPPED');
    expect(result.ok).toBe(false);
  });

  it('cannot escape template syntax inside a <style> block', async () => {
    const html = KEPT_HTML.replace('</style>', '.a::after { content: "{{x}}"; }</style>');
    const result = await exportFor('sendgrid', { html });
    expect(result.diagnostics.find((d) => d.code === 'EXPORT_LITERAL_SYNTAX')?.message).toContain(
      'in a <style> block',
    );
  });
});
