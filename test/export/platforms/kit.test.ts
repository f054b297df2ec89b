import { describe, expect, it } from 'vitest';
import { codes, exportFor, withLiteral } from '../helpers.js';

describe('kit', () => {
  it('writes Liquid, escaping recipient values in the HTML', async () => {
    const result = await exportFor('kit');
    expect(result.fallbacks).toEqual(['web_version_url', 'postal_address']);
    expect(result.html).toContain(
      "<p>Hi {{ subscriber.first_name | escape | default: 'there &amp; co' }},</p>",
    );
    expect(result.html).toContain('Sent to {{ subscriber.email_address | escape }}.');
    expect(result.html).toContain('<a href="{{ unsubscribe_url }}" style="color: #1f5fbf;">Unsubscribe</a>');
    expect(result.html).toContain('<a href="{{ subscriber_preferences_url }}">Preferences</a>');
    expect(result.text).toContain("Hi {{ subscriber.first_name | default: 'there & co' }},");
  });

  it('wraps literal syntax in the text in {% raw %}', async () => {
    const result = await exportFor('kit', withLiteral());
    expect(result.ok).toBe(true);
    expect(result.text).toContain(
      'Write {% raw %}{{{% endraw %} first_name }}, {% raw %}{{{% endraw %}{ raw }}}, {% raw %}{%{% endraw %} if x %}',
    );
  });

  it('refuses a fallback holding both quote marks', async () => {
    const result = await exportFor('kit', {
      text: `Hi \uE000first_name\uE001it's%20%22me%22\uE002\nUnsubscribe: \uE000unsubscribe_url\uE002\n`,
    });
    expect(codes(result)).toContain('EXPORT_FALLBACK_INVALID');
  });
});
