// The identity a newsletter says it has: From and Reply-To as exactly one mailbox, List-Id derived unless
// set, and the findings for what is missing or on a domain reserved for examples.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { derivedListId, identityFindings, isReservedDomain } from '../../src/config/identity.js';
import { keyLines, parseConfig } from '../../src/config/load.js';
import { mailboxProblem } from '../../src/config/mailbox.js';

describe('one mailbox', () => {
  it.each([
    'Harbour Letter <editor@harbourletter.net>',
    'editor@harbourletter.net',
    '"Harbour, the Letter" <editor@harbourletter.net>',
    '<editor@harbourletter.net>',
  ])('accepts %s', (from) => expect(mailboxProblem(from)).toBeUndefined());

  it.each([
    ['an address list', 'ceo@bank.example, Field Notes <editor@fieldnotes.example.com>', 'not a list'],
    ['group syntax', 'Evil Bcc: <a@b.example>', 'not a group'],
    ['an empty group', 'undisclosed-recipients:;', 'not a group'],
    ['U+2028 in the name', 'Evil\u2028Bcc: <a@b.example>', 'control characters'],
    ['U+2029 in the name', 'Field\u2029Notes <a@b.example>', 'control characters'],
    ['a C1 control in the name', 'Field\u0085Notes <a@b.example>', 'control characters'],
    ['a tab', 'Field\tNotes <a@b.example>', 'control characters'],
    ['two angle addresses', 'x <a@b.example> y <d@e.example>', 'one mailbox'],
    ['a trailing semicolon', 'a@b.example;', 'one mailbox'],
    ['no address', 'Field Notes', 'one mailbox'],
    ['an address without a domain dot', 'Field Notes <a@localhost>', 'one mailbox'],
  ])('refuses %s', (_, from, why) => expect(mailboxProblem(from)).toContain(why));

  it('is a config error naming the key and its line, the character shown escaped', () => {
    const source =
      '{\n  "name": "Field Notes",\n  "from": "Evil\u2028Bcc: <a@b.example>",\n  "replyTo": "a@x.example, b@y.example"\n}\n';
    const { diagnostics } = parseConfig(source, 'newsletter.config.json');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['CONFIG_INVALID', 3],
      ['CONFIG_INVALID', 4],
    ]);
    expect(diagnostics[0]!.message).toContain('"from" must be');
    expect(diagnostics[0]!.message).toContain('\\u2028');
    expect(diagnostics[0]!.message).not.toContain('\u2028');
    expect(diagnostics[1]!.message).toContain('"replyTo" must be one mailbox, not a list');
  });
});

describe('identity', () => {
  const where = (source: string) => ({
    file: 'newsletter.config.json',
    exists: true,
    lineOf: keyLines(source),
  });

  it('has empty built-in defaults', () => {
    for (const key of ['name', 'from', 'url', 'unsubscribeUrl', 'postalAddress', 'listId'] as const)
      expect(DEFAULT_CONFIG[key]).toBe('');
  });

  it('derives List-Id from the name and the From domain, and preferences from the unsubscribe URL', () => {
    const { config } = parseConfig(
      '{ "name": "Harbour Letter", "from": "Ed <ed@harbourletter.net>", "unsubscribeUrl": "https://harbourletter.net/u" }',
      'c.json',
    );
    expect(config.listId).toBe('Harbour Letter <harbourletter.net>');
    expect(config.preferencesUrl).toBe('https://harbourletter.net/u');
    expect(derivedListId('', 'ed@harbourletter.net')).toBe('<harbourletter.net>');
    expect(derivedListId('Harbour Letter', '')).toBe('');
    const set = parseConfig(
      '{ "from": "ed@harbourletter.net", "listId": "Other <list.harbourletter.net>" }',
      'c',
    );
    expect(set.config.listId).toBe('Other <list.harbourletter.net>');
  });

  it('names each missing value at the config line, or the file when there is none', () => {
    const source = '{\n  "name": "Harbour Letter",\n  "from": "ed@harbourletter.net"\n}\n';
    const { config } = parseConfig(source, 'newsletter.config.json');
    const findings = identityFindings(config, where(source), { severity: 'warning', honourSample: true });
    expect(findings.map((d) => [d.code, d.severity, d.line, d.message.split(':')[0]])).toEqual([
      ['IDENTITY_MISSING', 'warning', 1, '"url" is not set'],
      ['IDENTITY_MISSING', 'warning', 1, '"unsubscribeUrl" is not set'],
      ['IDENTITY_MISSING', 'warning', 1, '"postalAddress" is not set'],
    ]);
    const none = identityFindings(
      DEFAULT_CONFIG,
      { file: 'newsletter.config.json', exists: false, lineOf: () => undefined },
      { severity: 'error', honourSample: true },
    );
    expect(none).toHaveLength(4);
    expect(none[0]).toMatchObject({ file: 'newsletter.config.json', severity: 'error' });
    expect(none[0]).not.toHaveProperty('line');
  });

  it('flags values on reserved example domains at their lines, unless a sample says so (not for send)', () => {
    const source =
      '{\n  "from": "Ed <ed@news.example.com>",\n  "url": "https://harbour.test/n",\n  "unsubscribeUrl": "https://harbourletter.net/u",\n  "postalAddress": "1 Quay, Port",\n  "replyTo": "desk@harbour.invalid"\n}\n';
    const { config } = parseConfig(source, 'newsletter.config.json');
    const findings = identityFindings(config, where(source), { severity: 'warning', honourSample: true });
    expect(findings.map((d) => [d.code, d.line])).toEqual([
      ['IDENTITY_EXAMPLE_DOMAIN', 2],
      ['IDENTITY_EXAMPLE_DOMAIN', 6],
      ['IDENTITY_EXAMPLE_DOMAIN', 3],
    ]);
    expect(findings[0]!.message).toContain('news.example.com');
    const sample = { ...config, sample: true };
    expect(identityFindings(sample, where(source), { severity: 'warning', honourSample: true })).toEqual([]);
    expect(identityFindings(sample, where(source), { severity: 'error', honourSample: false })).toHaveLength(
      3,
    );
  });

  it.each([
    ['example.com', true],
    ['fieldnotes.example.com', true],
    ['EXAMPLE.NET.', true],
    ['example.org', true],
    ['harbour.test', true],
    ['mail.example', true],
    ['a.invalid', true],
    ['localhost', true],
    ['example.co', false],
    ['myexample.com', false],
    ['harbourletter.net', false],
    ['testing.org', false],
  ])('%s is reserved: %s', (domain, reserved) => expect(isReservedDomain(domain)).toBe(reserved));
});

describe('the preferences link', () => {
  it('defaults to the unsubscribe page, without the recipient fields only send and the platforms fill', () => {
    const plain = parseConfig('{ "unsubscribeUrl": "https://x.test/u" }', 'newsletter.config.json');
    expect(plain.config.preferencesUrl).toBe('https://x.test/u');
    const named = parseConfig(
      '{ "unsubscribeUrl": "https://x.test/u?e={{email}}&id={{recipient \\"id\\"}}" }',
      'newsletter.config.json',
    );
    expect(named.diagnostics).toEqual([]);
    expect(named.config.preferencesUrl).toBe('https://x.test/u');
  });
});
