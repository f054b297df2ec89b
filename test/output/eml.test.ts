import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { composeEml, messageId } from '../../src/output/eml.js';

const input = {
  from: 'Field Notes <editor@fieldnotes.example.com>',
  subject: 'Héllo, “world”',
  date: new Date('2026-11-20T00:00:00Z'),
  html: `<!doctype html><html><body><p>${'Long line with ünïcode '.repeat(80)}</p></body></html>`,
  text: 'First line\nSecond “line”\n',
  language: 'en',
  listId: 'Field Notes <fieldnotes.example.com>',
  unsubscribeUrl: 'https://fieldnotes.example.com/unsubscribe?u=1&l=2',
  unsubscribeMailto: 'mailto:unsubscribe@fieldnotes.example.com',
  oneClick: true,
};

describe('the .eml', () => {
  it('is multipart/alternative, text then HTML, quoted-printable, CRLF, no line over 998 octets', async () => {
    const eml = (await composeEml(input)).toString('latin1');
    expect(eml).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(eml.indexOf('text/plain')).toBeLessThan(eml.indexOf('text/html'));
    expect(eml.match(/Content-Transfer-Encoding: quoted-printable/g)).toHaveLength(2);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Math.max(...eml.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(998);
  });

  it('carries the list headers and parses back to the same content', async () => {
    const parsed = await simpleParser(await composeEml(input));
    expect(parsed.subject).toBe(input.subject);
    expect(parsed.text).toBe(input.text);
    expect(parsed.html).toBe(input.html);
    expect(parsed.date?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    // mailparser gathers the List-* headers into one 'list' entry
    expect(parsed.headers.get('list')).toEqual({
      id: { name: 'Field Notes', id: 'fieldnotes.example.com' },
      unsubscribe: { url: input.unsubscribeUrl, mail: 'unsubscribe@fieldnotes.example.com' },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}@fieldnotes\.example\.com>$/);
    expect(parsed.headers.get('to')).toMatchObject({
      value: [{ name: 'undisclosed-recipients', group: [] }],
    });
  });

  it('offers one-click (List-Unsubscribe-Post) only for a URL that identifies the recipient', async () => {
    const anonymous = (await composeEml({ ...input, oneClick: false })).toString('utf8');
    expect(anonymous).toMatch(/^List-Unsubscribe: <https:/m);
    expect(anonymous).not.toMatch(/^List-Unsubscribe-Post:/m);
  });

  it('is the same bytes for the same input', async () => {
    expect((await composeEml(input)).equals(await composeEml(input))).toBe(true);
  });

  it('takes its Message-ID from a hash of the subject, the recipients, the HTML and the text, joined by NUL', () => {
    const parts = ['Subject', 'a@example.org,b@example.org', '<p>Page</p>', 'Text'];
    const hash = createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
    const id = messageId({
      from: 'Desk <desk@news.example.org>',
      subject: parts[0]!,
      to: ['a@example.org', 'b@example.org'],
      html: parts[2]!,
      text: parts[3]!,
    });
    expect(id).toBe(`<${hash}@news.example.org>`);
  });
});
