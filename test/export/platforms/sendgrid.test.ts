import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { codes, exportFor, LITERAL, withLiteral } from '../helpers.js';

describe('sendgrid', () => {
  it("writes Handlebars for the template data and SendGrid's unsubscribe tags; no web-version or address tag", async () => {
    const result = await exportFor('sendgrid');
    expect(codes(result)).toEqual(['EXPORT_FIELD_FALLBACK', 'EXPORT_FIELD_FALLBACK']);
    expect(result.fallbacks).toEqual(['web_version_url', 'postal_address']);
    expect(result.html).toContain('<p>Hi {{#if first_name}}{{first_name}}{{else}}there &amp; co{{/if}},</p>');
    expect(result.html).toContain('<a href="{{{unsubscribe}}}" style="color: #1f5fbf;">Unsubscribe</a>');
    expect(result.html).toContain('<a href="{{{unsubscribe_preferences}}}">Preferences</a>');
    expect(result.html).toContain('Sent to {{email}}.');
    expect(result.html).toContain(
      '<a href="https://fieldnotes.example.com/newsletter/issue-7/" style="color: #1f5fbf;">',
    );
    expect(result.text).toContain('Hi {{#if first_name}}{{{first_name}}}{{else}}there & co{{/if}},');
    expect(result.text).toContain(
      'Unsubscribe: {{{unsubscribe}}}\nPreferences: {{{unsubscribe_preferences}}}\n',
    );
  });

  it('escapes literal "{{" so that Handlebars prints it as written', async () => {
    const result = await exportFor('sendgrid', withLiteral());
    expect(result.ok).toBe(true);
    expect(result.html).toContain('Write &#123;{ first_name }}, &#123;&#123;{ raw }}}');
    const data = {
      first_name: 'Ada <3',
      email: 'ada@example.org',
      unsubscribe: 'https://u.example/x',
      unsubscribe_preferences: 'https://p.example/x',
    };
    // Handlebars itself, as SendGrid runs it: the literal line survives, the fields are filled.
    const text = Handlebars.compile(result.text)(data);
    expect(text).toContain(`${LITERAL}\n`);
    expect(text).toContain('Hi Ada <3,\n');
    expect(text).toContain('Unsubscribe: https://u.example/x\n');
    expect(Handlebars.compile(result.html)(data)).toContain('<p>Hi Ada &lt;3,</p>');
    expect(Handlebars.compile(result.text)({})).toContain('Hi there & co,');
  });

  it("refuses text that already holds Handlebars' own escape", async () => {
    const result = await exportFor('sendgrid', withLiteral('A literal \\{{ x }}.'));
    expect(codes(result)).toContain('EXPORT_LITERAL_SYNTAX');
  });
});
