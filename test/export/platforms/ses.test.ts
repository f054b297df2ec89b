import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { codes, exportFor, LITERAL, withLiteral } from '../helpers.js';

describe('ses', () => {
  it("writes Handlebars for the template data and SES's own unsubscribe link", async () => {
    const result = await exportFor('ses');
    expect(result.fallbacks).toEqual(['web_version_url', 'preferences_url', 'postal_address']);
    expect(codes(result).filter((c) => c !== 'EXPORT_FIELD_FALLBACK')).toEqual([]);
    expect(result.html).toContain(
      '<a href="{{amazonSESUnsubscribeUrl}}" style="color: #1f5fbf;">Unsubscribe</a>',
    );
    expect(result.html).toContain('<a href="https://fieldnotes.example.com/preferences">Preferences</a>');
    expect(result.text).toContain('Unsubscribe: {{amazonSESUnsubscribeUrl}}\n');
    expect(result.text).toContain('Sent to {{{email}}}.');
  });

  it('keeps literal "{{" as text through Handlebars', async () => {
    const result = await exportFor('ses', withLiteral());
    expect(result.ok).toBe(true);
    const text = Handlebars.compile(result.text)({
      first_name: 'Ada',
      amazonSESUnsubscribeUrl: 'https://u.example/x',
    });
    expect(text).toContain(`${LITERAL}\n`);
    expect(text).toContain('Unsubscribe: https://u.example/x\n');
  });
});
