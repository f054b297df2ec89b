import { describe, expect, it } from 'vitest';
import { codes, exportFor, withLiteral } from '../helpers.js';

describe('listmonk', () => {
  it('writes Go template expressions for every field but the postal address', async () => {
    const result = await exportFor('listmonk');
    expect(result.fallbacks).toEqual(['postal_address']);
    expect(codes(result)).toEqual(['EXPORT_FIELD_FALLBACK']);
    expect(result.html).toContain('<p>Hi {{ or .Subscriber.FirstName `there &amp; co` }},</p>');
    expect(result.html).toContain('<a href="{{ MessageURL }}" style="color: #1f5fbf;">');
    expect(result.html).toContain('<a href="{{ UnsubscribeURL }}" style="color: #1f5fbf;">Unsubscribe</a>');
    expect(result.html).toContain('<a href="{{ ManageURL }}">Preferences</a>');
    expect(result.text).toContain('Sent to {{ .Subscriber.Email }}.');
  });

  it('writes a literal "{{" as the string action {{"{{"}} in the text', async () => {
    const result = await exportFor('listmonk', withLiteral());
    expect(result.ok).toBe(true);
    expect(result.text).toContain('Write {{"{{"}} first_name }}, {{"{{"}}{ raw }}}, {% if x %}');
  });
});
