import { describe, expect, it } from 'vitest';
import { codes, exportFor, withLiteral } from '../helpers.js';

describe('postmark', () => {
  it("writes Mustachio with an inverted section for the fallback, and Postmark's unsubscribe tag", async () => {
    const result = await exportFor('postmark');
    expect(result.fallbacks).toEqual(['web_version_url', 'preferences_url', 'postal_address']);
    expect(result.html).toContain(
      '<p>Hi {{#first_name}}{{../first_name}}{{/first_name}}{{^first_name}}there &amp; co{{/first_name}},</p>',
    );
    expect(result.html).toContain('<a href="{{{ pm:unsubscribe }}}" style="color: #1f5fbf;">Unsubscribe</a>');
    expect(result.text).toContain(
      'Hi {{#first_name}}{{{../first_name}}}{{/first_name}}{{^first_name}}there & co{{/first_name}},',
    );
    expect(result.text).toContain('Unsubscribe: {{{ pm:unsubscribe }}}\n');
  });

  it('refuses a literal "{{" in the text', async () => {
    const result = await exportFor('postmark', withLiteral());
    expect(codes(result).filter((c) => c === 'EXPORT_LITERAL_SYNTAX')).toHaveLength(2);
    expect(result.ok).toBe(false);
  });
});
