import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate.js';
import { fillUrl, identifiesRecipient, urlFields, urlProblem } from '../../src/render/unsubscribe-url.js';

const where = { file: 'newsletter.config.json', lineOf: () => 1 };

describe('an unsubscribe URL naming recipient fields', () => {
  const url = 'https://x.test/u?e={{email}}&id={{ recipient "id" }}';

  it('names its fields and fills them URL-encoded, so a value cannot add a parameter', () => {
    expect(urlFields(url)).toEqual(['email', 'id']);
    expect(fillUrl(url, { email: 'a+b@x.org', id: '1&admin=1' })).toBe(
      'https://x.test/u?e=a%2Bb%40x.org&id=1%26admin%3D1',
    );
    expect(fillUrl(url, {})).toBe('https://x.test/u?e=&id=');
  });

  it('identifies the recipient by email or a field of its own, never by a first name alone', () => {
    expect(identifiesRecipient(url)).toBe(true);
    expect(identifiesRecipient('https://x.test/u/{{recipient "token"}}')).toBe(true);
    expect(identifiesRecipient('https://x.test/u?n={{first_name}}')).toBe(false);
    expect(identifiesRecipient('https://x.test/u')).toBe(false);
  });

  it('is accepted by the config, and an unknown {{…}} is a configuration error', () => {
    expect(validateConfig({ unsubscribeUrl: url }, where).diagnostics).toEqual([]);
    expect(urlProblem('https://x.test/u?id={{id}}')).toBe(
      '{{id}} is not a recipient field (write {{recipient "id"}})',
    );
    const bad = validateConfig({ unsubscribeUrl: 'https://x.test/u?id={{id}}' }, where).diagnostics;
    expect(bad).toEqual([expect.objectContaining({ code: 'CONFIG_INVALID' })]);
    expect(validateConfig({ unsubscribeUrl: 'javascript:{{email}}' }, where).diagnostics).toHaveLength(1);
  });
});
