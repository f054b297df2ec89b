import { describe, expect, it } from 'vitest';
import { codes, exportFor, withLiteral } from '../helpers.js';

describe('brevo', () => {
  it("writes Brevo's contact attributes and predefined links", async () => {
    const result = await exportFor('brevo');
    expect(result.fallbacks).toEqual(['postal_address']);
    expect(result.html).toContain("<p>Hi {{ contact.FIRSTNAME|default:'there &amp; co' }},</p>");
    expect(result.html).toContain('<a href="{{ mirror }}" style="color: #1f5fbf;">');
    expect(result.html).toContain('<a href="{{ unsubscribe }}" style="color: #1f5fbf;">Unsubscribe</a>');
    expect(result.html).toContain('<a href="{{ update_profile }}">Preferences</a>');
    expect(result.text).toContain('Sent to {{ contact.EMAIL }}.');
    expect(result.text).toContain('Unsubscribe: {{ unsubscribe }}\n');
  });

  it('escapes literal syntax in the HTML and refuses it in the text, where Brevo has no escape', async () => {
    const result = await exportFor('brevo', withLiteral());
    expect(result.html).toContain(
      'Write &#123;{ first_name }}, &#123;&#123;{ raw }}}, &#123;% if x %}, &#123;# note #}',
    );
    expect(
      result.diagnostics
        .filter((d) => d.code === 'EXPORT_LITERAL_SYNTAX')
        .map((d) => d.message.split('"')[1]),
    ).toEqual(['{{', '{{', '{%', '{#']);
    expect(codes(result)).not.toContain('EXPORT_TAG_BROKEN');
  });
});
