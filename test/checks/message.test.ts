import { describe, expect, it } from 'vitest';
import { messageRule, parseHeaders } from '../../src/checks/message.js';
import { built, codes } from './helpers.js';

describe('message rule', () => {
  it('is quiet on a good message, whose composed headers are all there', async () => {
    const b = await built();
    expect(messageRule(b)).toEqual([]);
    // build's message is addressed to nobody: its URL, fields left empty, cannot say who leaves
    expect(parseHeaders(b.eml).get('list-unsubscribe')).toBe(
      '<https://fieldnotes.example.com/unsubscribe?e=>',
    );
    expect(parseHeaders(b.eml).get('list-unsubscribe-post')).toBeUndefined();
  });

  it('warns when the unsubscribe URL cannot identify the recipient', async () => {
    const found = messageRule(
      await built({ config: { unsubscribeUrl: 'https://fieldnotes.example.com/unsubscribe' } }),
    );
    expect(found).toEqual([
      expect.objectContaining({ code: 'LIST_UNSUBSCRIBE_ANONYMOUS', severity: 'warning' }),
    ]);
    for (const unsubscribeUrl of ['https://x.test/u?e={{email}}', 'https://x.test/u/{{recipient "id"}}'])
      expect(messageRule(await built({ config: { unsubscribeUrl } }))).toEqual([]);
    const byName = messageRule(
      await built({ config: { unsubscribeUrl: 'https://x.test/u?n={{first_name}}' } }),
    );
    expect(codes(byName)).toEqual(['LIST_UNSUBSCRIBE_ANONYMOUS']);
  });

  it('fails a missing subject and warns on one over 78 characters', async () => {
    expect(codes(messageRule(await built({ edition: { subject: '  ' } })))).toContain('SUBJECT_MISSING');
    const long = 'A subject line that goes on and on about everything in this edition, all of it!';
    expect(long.length).toBe(79);
    expect(messageRule(await built({ edition: { subject: long } }))).toEqual([
      expect.objectContaining({ code: 'SUBJECT_TOO_LONG', severity: 'warning' }),
    ]);
    expect(messageRule(await built({ edition: { subject: long.slice(0, 78) } }))).toEqual([]);
  });

  it('fails a line break in a header value', async () => {
    const found = messageRule(await built({ edition: { subject: 'Weighing\r\nBcc: everyone@example.org' } }));
    expect(found).toContainEqual(
      expect.objectContaining({
        code: 'HEADER_LINE_BREAK',
        severity: 'error',
        message: 'the Subject header value contains a line break',
      }),
    );
  });

  it('warns on a missing preheader, or one that repeats the subject or the first line', async () => {
    expect(codes(messageRule(await built({ edition: { preheader: undefined } })))).toEqual([
      'PREHEADER_MISSING',
    ]);
    // short ones are also too short
    expect(codes(messageRule(await built({ edition: { preheader: 'Weighing an email!' } })))).toEqual([
      'PREHEADER_LENGTH',
      'PREHEADER_REPEATS',
    ]);
    expect(
      codes(messageRule(await built({ edition: { preheader: 'Every newsletter has a weight' } }))),
    ).toEqual(['PREHEADER_LENGTH', 'PREHEADER_REPEATS']);
    expect(
      codes(
        messageRule(
          await built({ edition: { preheader: 'Every', introHtml: '<p>Every week we write.</p>' } }),
        ),
      ),
    ).toEqual(['PREHEADER_LENGTH', 'PREHEADER_REPEATS']);
    expect(
      messageRule(await built({ edition: { preheader: 'Every byte counts: three numbers to watch' } })),
    ).toEqual([]);
  });

  it('warns on a preheader under 40 or over 140 characters', async () => {
    const sized = async (preheader: string) => messageRule(await built({ edition: { preheader } }));
    expect(await sized('Short and sweet, nothing more to say.')).toEqual([
      expect.objectContaining({
        code: 'PREHEADER_LENGTH',
        severity: 'warning',
        message: 'the preheader is 37 characters (40 to 140 read well)',
      }),
    ]);
    expect(await sized('Every byte counts: three numbers to watch')).toEqual([]);
    expect(codes(await sized(`Every byte counts: ${'and more '.repeat(14)}`.trim()))).toEqual([
      'PREHEADER_LENGTH',
    ]);
  });

  it('fails a List-Unsubscribe that is not one-click', async () => {
    const found = messageRule(
      await built({ config: { unsubscribeUrl: 'http://fieldnotes.example.com/unsubscribe' } }),
    );
    expect(found).toEqual([
      expect.objectContaining({ code: 'LIST_UNSUBSCRIBE_ONE_CLICK', severity: 'error' }),
    ]);
  });

  it('fails a message without a required header', async () => {
    const b = await built();
    const found = messageRule({
      ...b,
      eml: b.eml.replace(/^Message-ID: .*\r\n/m, '').replace(/^List-Unsubscribe: .*\r\n/m, ''),
    });
    expect(codes(found)).toEqual(['HEADER_MISSING', 'HEADER_MISSING', 'LIST_UNSUBSCRIBE_ONE_CLICK']);
    expect(found[0].message).toBe('the message has no Message-ID header');
  });
});
