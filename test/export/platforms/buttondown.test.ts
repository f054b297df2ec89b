import { describe, expect, it } from 'vitest';
import { exportFor, withLiteral } from '../helpers.js';

describe('buttondown', () => {
  it('writes Django template variables; no preferences or address tag', async () => {
    const result = await exportFor('buttondown');
    expect(result.fallbacks).toEqual(['preferences_url', 'postal_address']);
    expect(result.html).toContain('<p>Hi {{ subscriber.metadata.first_name|default:"there &amp; co" }},</p>');
    // Inside an attribute, the fallback takes the other quote.
    expect(result.html).toContain(`alt="Hello {{ subscriber.metadata.first_name|default:'there' }}"`);
    expect(result.html).toContain('<a href="{{ email_url }}" style="color: #1f5fbf;">');
    expect(result.html).toContain('<a href="{{ unsubscribe_url }}" style="color: #1f5fbf;">Unsubscribe</a>');
    expect(result.text).toContain('Sent to {{ subscriber.email }}.');
  });

  it('writes literal syntax in the text with {% templatetag %}', async () => {
    const result = await exportFor('buttondown', withLiteral());
    expect(result.ok).toBe(true);
    expect(result.text).toContain(
      'Write {% templatetag openvariable %} first_name }}, {% templatetag openvariable %}{ raw }}}, {% templatetag openblock %} if x %}, {% templatetag opencomment %} note #}',
    );
  });
});
