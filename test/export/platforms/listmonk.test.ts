import { describe, expect, it } from 'vitest';
import { codes, exportFor, withLiteral } from '../helpers.js';

describe('listmonk', () => {
  it('writes Go template expressions for every field but the postal address', async () => {
    const result = await exportFor('listmonk');
    expect(result.fallbacks).toEqual(['postal_address']);
    expect(codes(result)).toEqual(['EXPORT_FIELD_FALLBACK']);
    // html/template escapes the fallback itself: written as it is, or readers would see "&amp;".
    expect(result.html).toContain('<p>Hi {{ or .Subscriber.FirstName `there & co` }},</p>');
    expect(result.html).toContain('<a href="{{ MessageURL }}" style="color: #1f5fbf;">');
    expect(result.html).toContain('<a href="{{ UnsubscribeURL }}" style="color: #1f5fbf;">Unsubscribe</a>');
    expect(result.html).toContain('<a href="{{ ManageURL }}">Preferences</a>');
  });

  it("pipes the text part's values through Safe, so that html/template does not escape them", async () => {
    const result = await exportFor('listmonk');
    expect(result.text).toContain('Hi {{ or .Subscriber.FirstName `there & co` | Safe }},');
    expect(result.text).toContain('Sent to {{ .Subscriber.Email | Safe }}.');
    expect(result.text).toContain('Unsubscribe: {{ UnsubscribeURL . | Safe }}\n');
    expect(result.text).toContain('View in your browser: {{ MessageURL . | Safe }}\n');
  });

  it('prints each HTML comment through Safe, which html/template would otherwise delete', async () => {
    const comment = '<!--[if mso | IE]><table role="presentation"><tr><td><![endif]-->';
    const result = await exportFor('listmonk', {
      html: `<!doctype html><html><body>${comment}<p>x</p><!--[if !mso]><!--><b>y</b><!--<![endif]--><a href="${'\uE000unsubscribe_url\uE002'}">u</a></body></html>`,
    });
    expect(result.ok).toBe(true);
    expect(result.html).toContain(`{{ \`${comment}\` | Safe }}<p>x</p>`);
    expect(result.html).toContain(
      '{{ `<!--[if !mso]><!-->` | Safe }}<b>y</b>{{ `<!--<![endif]-->` | Safe }}',
    );
  });

  it('writes a literal "{{" as the string action {{"{{"}} in the text, and every "<" as an action', async () => {
    const result = await exportFor(
      'listmonk',
      withLiteral('Write {{ first_name }}, <b>bold</b>, <!-- no --> or a < b.'),
    );
    expect(result.ok).toBe(true);
    expect(result.text).toContain(
      'Write {{"{{"}} first_name }}, {{ "<" | Safe }}b>bold{{ "<" | Safe }}/b>, {{ "<" | Safe }}!-- no --> or a {{ "<" | Safe }} b.',
    );
  });
});
