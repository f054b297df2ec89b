import { describe, expect, it } from 'vitest';
import { codes, exportFor, withLiteral } from '../helpers.js';

describe('campaign-monitor', () => {
  it('writes its link elements in the HTML and bracket tags in the text', async () => {
    const result = await exportFor('campaign-monitor');
    expect(result.fallbacks).toEqual(['postal_address']);
    expect(codes(result)).toEqual(['EXPORT_FIELD_FALLBACK']);
    expect(result.html).toContain('<p>Hi [firstname,fallback=there &amp; co],</p>');
    expect(result.html).toContain(
      '<p><webversion style="color: #1f5fbf;">View in your browser</webversion></p>',
    );
    expect(result.html).toContain(
      '<p><unsubscribe style="color: #1f5fbf;">Unsubscribe</unsubscribe> · <preferences>Preferences</preferences></p>',
    );
    expect(result.html).toContain('[data-ogsc] .nl-text a'); // CSS attribute selectors are not tags
    expect(result.text).toBe(
      'Hi [firstname,fallback=there & co],\nView in your browser: [webversion]\nSent to [email]. See [1] and [Note].\n' +
        'Unsubscribe: [unsubscribe]\nPreferences: [preferences]\nField Notes, 100 Example Street, Springfield, OR 97477, USA\n',
    );
  });

  it('uses the configured URL where a link field is not a link, and says so', async () => {
    const result = await exportFor('campaign-monitor', {
      html: '<p><unsubscribe>x</unsubscribe> Visit \uE000web_version_url\uE002</p>',
    });
    expect(result.html).toContain('Visit https://fieldnotes.example.com/newsletter/issue-7/');
    expect(
      result.diagnostics.find(
        (d) => d.code === 'EXPORT_FIELD_FALLBACK' && d.message.includes('web_version_url'),
      )?.message,
    ).toContain('in the HTML');
  });

  it('escapes a literal tag in the HTML, refuses it in the text', async () => {
    const result = await exportFor('campaign-monitor', withLiteral());
    expect(result.html).toContain('&#91;firstname,fallback=you]');
    expect(
      result.diagnostics
        .filter((d) => d.code === 'EXPORT_LITERAL_SYNTAX')
        .map((d) => d.message.split('"')[1]),
    ).toEqual(['[firstname,fallback=you]']);
  });
});
