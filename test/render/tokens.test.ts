import { describe, expect, it } from 'vitest';
import { fillTokens, hasTokens, replaceTokens, token } from '../../src/render/tokens.js';

describe('recipient tokens', () => {
  const page = `<a href="${token('unsubscribe_url')}">Unsubscribe</a> Hi ${token('first_name', 'there & friends')}`;

  it('fills values escaped for HTML', () => {
    expect(
      fillTokens(page, { unsubscribe_url: 'https://x.example/u?a=1&b=2', first_name: '<Ann>' }, 'html'),
    ).toBe('<a href="https://x.example/u?a=1&amp;b=2">Unsubscribe</a> Hi &lt;Ann&gt;');
  });

  it('uses the fallback when a value is missing or blank, and keeps text unescaped', () => {
    expect(fillTokens(page, { unsubscribe_url: 'https://x.example/u', first_name: '  ' }, 'text')).toBe(
      '<a href="https://x.example/u">Unsubscribe</a> Hi there & friends',
    );
  });

  it('lists the fields it finds', () => {
    const seen: string[] = [];
    replaceTokens(page, ({ field, fallback }) => (seen.push(`${field}:${fallback ?? ''}`), ''));
    expect(seen).toEqual(['unsubscribe_url:', 'first_name:there & friends']);
    expect(hasTokens(page)).toBe(true);
    expect(hasTokens(fillTokens(page, {}, 'html'))).toBe(false);
  });
});
