import { describe, expect, it } from 'vitest';
import { linksRule } from '../../src/checks/links.js';
import { SIZE_LIMIT_BYTES } from '../../src/checks/size.js';
import { built, codes, GOOD_BODY, UNSUBSCRIBE } from './helpers.js';

const withLink = (a: string) => built({ body: `${GOOD_BODY}<p>${a}</p>` });

describe('links rule', () => {
  it.each([
    ['<a href="">empty</a>', 'LINK_EMPTY', 'error'],
    ['<a href="#">placeholder</a>', 'LINK_EMPTY', 'error'],
    ['<a href="/about">relative</a>', 'LINK_RELATIVE', 'error'],
    ['<a href="page.html">relative</a>', 'LINK_RELATIVE', 'error'],
    ['<a href="https://exa mple.org/">spaces</a>', 'LINK_MALFORMED', 'error'],
    ['<a href="https:/example.org/">one slash</a>', 'LINK_MALFORMED', 'error'],
    ['<a href="mailto:nobody">mail</a>', 'LINK_MALFORMED', 'error'],
    ['<a href="http://example.org/">insecure</a>', 'LINK_INSECURE', 'warning'],
    ['<a href="https://bit.ly/3xYz">short</a>', 'LINK_SHORTENER', 'warning'],
    [
      '<a href="https://evil.example.net/login">https://bank.example.com/login</a>',
      'LINK_TEXT_MISMATCH',
      'warning',
    ],
    ['<a href="https://example.com.evil.net/">example.com</a>', 'LINK_TEXT_MISMATCH', 'warning'],
    ['<a href="mailto:other@example.org">editor@example.org</a>', 'LINK_TEXT_MISMATCH', 'warning'],
  ])('%s -> %s', async (a, code, severity) => {
    const found = linksRule(await withLink(a));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code, severity });
  });

  it.each([
    '<a href="https://example.org/page?utm_source=news">example.org/page</a>',
    '<a href="https://www.rfc-editor.org/rfc/rfc8058">rfc-editor.org</a>',
    '<a href="https://example.org/">https://example.org</a>',
    '<a href="mailto:editor@example.org">editor@example.org</a>',
    '<a href="#section-2">jump</a>',
    '<a name="top">named anchor, not a link</a>',
    '<a href="tel:+15551234567">call</a>',
    '<div style="display:none"><a href="#">hidden</a></div>',
  ])('keeps quiet on %s', async (a) => {
    expect(linksRule(await withLink(a))).toEqual([]);
  });

  it('points at the line of the content file that holds the URL', async () => {
    const b = await built({
      body: `${GOOD_BODY}<p><a href="http://example.org/old">old</a></p>`,
      sources: [
        { file: 'content/weight.md', text: '---\ntitle: x\n---\nSee [old](http://example.org/old).\n' },
      ],
    });
    expect(linksRule(b)[0]).toMatchObject({ file: 'content/weight.md', line: 4, column: 11 });
  });

  it('reports a repeated bad link once', async () => {
    const found = linksRule(
      await built({ body: `${GOOD_BODY}<a href="http://x.example/">a</a><a href="http://x.example/">a</a>` }),
    );
    expect(codes(found)).toEqual(['LINK_INSECURE']);
  });

  it('requires a visible unsubscribe link', async () => {
    const none = await built({ body: '<h1>Field Notes</h1><p>No way out.</p>' });
    expect(linksRule(none)).toEqual([
      expect.objectContaining({ code: 'UNSUBSCRIBE_MISSING', severity: 'error' }),
    ]);
    const hidden = await built({
      body: `<h1>Field Notes</h1><div style="display: none"><a href="${UNSUBSCRIBE}">Unsubscribe</a></div>`,
    });
    expect(codes(linksRule(hidden))).toEqual(['UNSUBSCRIBE_MISSING']);
    const byText = await built({
      body: '<h1>Field Notes</h1><a href="https://lists.example.org/leave?u=1">Unsubscribe from this list</a>',
    });
    expect(linksRule(byText)).toEqual([]);
  });

  it('fails an unsubscribe link placed after where Gmail clips', async () => {
    const filler = `<p>${'x'.repeat(SIZE_LIMIT_BYTES)}</p>`;
    const late = await built({
      body: `<h1>Field Notes</h1>${filler}<a href="${UNSUBSCRIBE}">Unsubscribe</a>`,
    });
    expect(linksRule(late)).toEqual([
      expect.objectContaining({ code: 'UNSUBSCRIBE_CLIPPED', severity: 'error' }),
    ]);
    const early = await built({
      body: `<h1>Field Notes</h1><a href="${UNSUBSCRIBE}">Unsubscribe</a>${filler}`,
    });
    expect(linksRule(early)).toEqual([]);
  });
});
