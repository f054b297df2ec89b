import { describe, expect, it } from 'vitest';
import { codes, exportFor, withLiteral } from '../helpers.js';

describe('mailgun', () => {
  it('writes recipient variables and %unsubscribe_url%, and says the first-name fallback is lost', async () => {
    const result = await exportFor('mailgun');
    expect(result.html).toContain('<p>Hi %recipient.first_name%,</p>');
    expect(result.html).toContain('<a href="%unsubscribe_url%" style="color: #1f5fbf;">Unsubscribe</a>');
    expect(result.html).toContain('Sent to %recipient.email%.');
    expect(result.text).toContain('Unsubscribe: %unsubscribe_url%\n');
    expect(result.fallbacks).toEqual(['web_version_url', 'preferences_url', 'postal_address']);
    expect(result.diagnostics.find((d) => d.code === 'EXPORT_FALLBACK_DROPPED')?.severity).toBe('warning');
    expect(result.ok).toBe(true);
  });

  it('escapes %variables% in the HTML and refuses them in the text', async () => {
    const result = await exportFor('mailgun', withLiteral());
    expect(result.html).toContain('&#37;recipient.name%, &#37;unsubscribe_url% or');
    expect(
      result.diagnostics
        .filter((d) => d.code === 'EXPORT_LITERAL_SYNTAX')
        .map((d) => d.message.split('"')[1]),
    ).toEqual(['%recipient.name%', '%unsubscribe_url%']);
  });

  it('leaves percent-encoded URLs alone', async () => {
    const result = await exportFor('mailgun', withLiteral('https://a.example/caf%C3%A9%E2%80%99s?q=100%25'));
    expect(codes(result)).not.toContain('EXPORT_LITERAL_SYNTAX');
  });
});
