import { describe, expect, it } from 'vitest';
import type { Config, Utm } from '../../src/config/config.js';
import { SAMPLE_CONFIG } from '../helpers/sample-config.js';
import { parseConfig } from '../../src/config/load.js';
import type { Article, Edition } from '../../src/edition/types.js';
import { trackEdition, trackHtmlLinks } from '../../src/links/track-edition.js';
import { appendParameters, skipReason } from '../../src/links/track-url.js';
import { token } from '../../src/render/tokens.js';

const UTM: Utm = { source: 'fieldnotes', medium: 'email', content: true, skipDomains: ['partner.example'] };
// as trackEdition passes them: the unsubscribe URL up to its first recipient field
const UNSUBSCRIBE_BASE = SAMPLE_CONFIG.unsubscribeUrl.split('{{')[0]!;
const UNSUBSCRIBE = [UNSUBSCRIBE_BASE, SAMPLE_CONFIG.preferencesUrl];
const PARAMETERS = { source: 'fieldnotes', medium: 'email', campaign: 'issue-7', content: 'notes-1' };

describe('appendParameters', () => {
  it('adds the parameters before the fragment and keeps the rest of the URL byte for byte', () => {
    expect(appendParameters('https://a.example/p?q=%E2%80%99x&b=1#part', PARAMETERS)).toBe(
      'https://a.example/p?q=%E2%80%99x&b=1&utm_source=fieldnotes&utm_medium=email&utm_campaign=issue-7&utm_content=notes-1#part',
    );
    expect(appendParameters('https://a.example', { ...PARAMETERS, content: undefined })).toBe(
      'https://a.example?utm_source=fieldnotes&utm_medium=email&utm_campaign=issue-7',
    );
    expect(appendParameters('https://a.example/?', PARAMETERS)).toMatch(
      /^https:\/\/a\.example\/\?utm_source=/,
    );
  });
});

describe('skipReason', () => {
  const cases: [string, string | undefined][] = [
    ['https://a.example/article', undefined],
    ['mailto:editor@fieldnotes.example.com', 'not-web'],
    ['tel:+15555550100', 'not-web'],
    ['/relative/page', 'not-web'],
    ['https://a.example/?id={{ subscriber.id }}', 'merge-tag'],
    ['https://a.example/?e=*|EMAIL|*', 'merge-tag'],
    ['https://a.example/?e=%recipient.email%', 'merge-tag'],
    [`https://a.example/?e=${token('email')}`, 'merge-tag'],
    [`${UNSUBSCRIBE_BASE}ann%40example.org&u=1`, 'unsubscribe'],
    ['https://lists.example/list/unsubscribe?u=7', 'unsubscribe'],
    ['https://lists.example/manage?unsubscribe=1', 'unsubscribe'],
    ['https://a.example/2026/11/one-click-unsubscribe', undefined],
    ['https://a.example/?utm_source=them', 'already-tracked'],
    ['https://a.example/?UTM_Campaign=them', 'already-tracked'],
    ['https://partner.example/x', 'blocked-domain'],
    ['https://www.partner.example/x', 'blocked-domain'],
    ['https://notpartner.example/x', undefined],
    // A UTF-8 percent-encoding is not a Mailgun variable.
    ['https://a.example/caf%C3%A9%E2%80%99s', undefined],
  ];
  it.each(cases)('%s -> %s', (url, reason) => {
    expect(skipReason(url, UTM, UNSUBSCRIBE)).toBe(reason);
  });
});

describe('trackHtmlLinks', () => {
  it('numbers links in document order, counting skipped ones, and keeps attribute escaping', () => {
    const html =
      '<p><a href="https://a.example/?x=1&amp;y=2">one</a> <a href="mailto:a@b.example">two</a> <a title="t" href="https://b.example/">three</a></p>';
    const seen: [string, number][] = [];
    const out = trackHtmlLinks(
      html,
      (url, n) => (seen.push([url, n]), url.startsWith('mailto:') ? url : `${url}#${n}`),
    );
    expect(seen).toEqual([
      ['https://a.example/?x=1&y=2', 1],
      ['mailto:a@b.example', 2],
      ['https://b.example/', 3],
    ]);
    expect(out).toBe(
      '<p><a href="https://a.example/?x=1&amp;y=2#1">one</a> <a href="mailto:a@b.example">two</a> <a title="t" href="https://b.example/#3">three</a></p>',
    );
  });
});

function edition(): Edition {
  const article = (slug: string, html: string, url?: string): Article => ({
    slug,
    file: `content/e/${slug}.md`,
    title: slug,
    tags: [],
    html,
    wordCount: 10,
    extra: {},
    ...(url ? { url } : {}),
  });
  return {
    slug: '2026-11-field-notes',
    sources: [],
    subject: 'S',
    layout: 'default',
    introHtml: '<p><a href="https://intro.example/">note</a></p>',
    articles: [
      article(
        'first',
        '<p><a href="https://a.example/1">a</a> <a href="https://a.example/2?utm_medium=rss">b</a></p>',
        'https://site.example/first',
      ),
      article(
        'second',
        '<p><a href="https://partner.example/">c</a> <a href="https://a.example/3">d</a></p>',
      ),
    ],
    extra: {},
  };
}

describe('trackEdition', () => {
  const config: Config = { ...SAMPLE_CONFIG, utm: UTM };

  it('is off unless configured', () => {
    const e = edition();
    expect(trackEdition(e, SAMPLE_CONFIG)).toBe(e);
  });

  it('tracks article bodies, the intro and each article web link, with utm_content from slug and position', () => {
    const tracked = trackEdition(edition(), config);
    const q = (content: string) =>
      `utm_source=fieldnotes&amp;utm_medium=email&amp;utm_campaign=2026-11-field-notes&amp;utm_content=${content}`;
    expect(tracked.articles[0].html).toBe(
      `<p><a href="https://a.example/1?${q('first-1')}">a</a> <a href="https://a.example/2?utm_medium=rss">b</a></p>`,
    );
    expect(tracked.articles[1].html).toBe(
      `<p><a href="https://partner.example/">c</a> <a href="https://a.example/3?${q('second-2')}">d</a></p>`,
    );
    expect(tracked.articles[0].url).toBe(
      `https://site.example/first?${q('first-web').replace(/&amp;/g, '&')}`,
    );
    expect(tracked.introHtml).toBe(`<p><a href="https://intro.example/?${q('intro-1')}">note</a></p>`);
  });

  it('takes a fixed campaign and can leave utm_content out', () => {
    const tracked = trackEdition(edition(), {
      ...config,
      utm: { ...UTM, campaign: 'autumn', content: false },
    });
    expect(tracked.articles[0].url).toBe(
      'https://site.example/first?utm_source=fieldnotes&utm_medium=email&utm_campaign=autumn',
    );
  });
});

describe('the utm config group', () => {
  it('fills defaults and lower-cases domains', () => {
    const { config, diagnostics } = parseConfig(
      '{ "utm": { "source": "fieldnotes", "skipDomains": ["Partner.Example"] } }',
      'newsletter.config.json',
    );
    expect(diagnostics).toEqual([]);
    expect(config.utm).toEqual({
      source: 'fieldnotes',
      medium: 'email',
      content: true,
      skipDomains: ['partner.example'],
    });
  });

  it('reports bad values and unknown keys at their lines', () => {
    const source =
      '{\n  "utm": {\n    "source": "news letter",\n    "content": "yes",\n    "skipDomain": []\n  }\n}\n';
    const { config, diagnostics } = parseConfig(source, 'newsletter.config.json');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['CONFIG_INVALID', 3],
      ['CONFIG_INVALID', 4],
      ['CONFIG_UNKNOWN_KEY', 5],
    ]);
    expect(diagnostics[2].hint).toBe('did you mean "utm.skipDomains"?');
    expect(config.utm).toBeUndefined();
  });

  it('needs a source', () => {
    const { diagnostics } = parseConfig('{ "utm": { "medium": "email" } }', 'newsletter.config.json');
    expect(diagnostics.map((d) => d.code)).toEqual(['CONFIG_INVALID']);
    expect(diagnostics[0].message).toContain('utm.source');
  });
});
