import { describe, expect, it } from 'vitest';
import { codes, exportFor, withLiteral } from '../helpers.js';

describe('mailchimp', () => {
  it('writes a *|MERGE|* tag for every field, in the HTML and the text', async () => {
    const result = await exportFor('mailchimp');
    expect(codes(result)).toEqual([]);
    expect(result.html).toContain('<p>Hi *|IF:FNAME|**|FNAME|**|ELSE:|*there &amp; co*|END:IF|*,</p>');
    expect(result.html).toContain('alt="Hello *|IF:FNAME|**|FNAME|**|ELSE:|*there*|END:IF|*"');
    expect(result.html).toContain('<a href="*|ARCHIVE|*" style="color: #1f5fbf;">');
    expect(result.html).toContain('<a href="*|UNSUB|*" style="color: #1f5fbf;">Unsubscribe</a>');
    expect(result.html).toContain('<a href="*|UPDATE_PROFILE|*">Preferences</a>');
    expect(result.html).toContain('Sent to *|EMAIL|*.');
    expect(result.html).toContain('<p>*|LIST:ADDRESSLINE|*</p>');
    expect(result.text).toBe(
      'Hi *|IF:FNAME|**|FNAME|**|ELSE:|*there & co*|END:IF|*,\nView in your browser: *|ARCHIVE|*\nSent to *|EMAIL|*. See [1] and [Note].\n' +
        'Unsubscribe: *|UNSUB|*\nPreferences: *|UPDATE_PROFILE|*\n*|LIST:ADDRESSLINE|*\n',
    );
    expect(result.fallbacks).toEqual([]);
  });

  it('breaks a literal *|TAG|* in the HTML with a character reference, and refuses it in the text', async () => {
    const result = await exportFor('mailchimp', withLiteral());
    expect(result.html).toContain('&#42;|FNAME|*');
    expect(result.html).toContain('{{ first_name }}'); // not Mailchimp syntax: left alone
    expect(codes(result)).toEqual(['EXPORT_LITERAL_SYNTAX']);
    expect(result.diagnostics[0].message).toContain('"*|FNAME|*" in the plain text');
    expect(result.ok).toBe(false);
  });

  it('refuses a fallback that would end the conditional early', async () => {
    const result = await exportFor('mailchimp', {
      html: '<a href="\uE000unsubscribe_url\uE002">u</a> \uE000first_name\uE001a%7Cb\uE002',
    });
    expect(codes(result)).toContain('EXPORT_FALLBACK_INVALID');
  });
});
