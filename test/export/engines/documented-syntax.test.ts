// Mailchimp, Mailgun and Campaign Monitor have no public engine: their documented syntax is rendered by
// documented.ts, checked first on the documentation's own examples, then used like the real engines in
// engines.test.ts: each subscriber must read what `send --dry-run` wrote for them.
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../src/export/registry.js';
import { normaliseText, read } from './compare.js';
import { renderCampaignMonitor, renderMailchimp, renderMailgun } from './documented.js';
import { LITERAL, useFixture, SUBSCRIBERS } from './fixture.js';

describe('Mailchimp\'s merge tags, on the examples of Mailchimp Transactional\'s "Dynamic content" page', () => {
  const mc = (template: string, merge: Record<string, string>) => renderMailchimp(template, merge, 'text');
  it('IF shows content when a value is provided', () => {
    const t = '*|IF:MERGE|*\ncontent to display if a value for MERGE is provided\n*|END:IF|*';
    expect(mc(t, { MERGE: 'v' })).toBe('\ncontent to display if a value for MERGE is provided\n');
    expect(mc(t, {})).toBe('');
  });
  it('IF:MERGE=x is false when no value for MERGE is provided', () => {
    const t = '*|IF:MERGE=x|*\ncontent to display if the value for MERGE is x\n*|END:IF|*';
    expect(mc(t, { MERGE: 'x' })).toContain('content to display');
    expect(mc(t, {})).toBe('');
  });
  it('ELSE and ELSEIF: only the first true branch', () => {
    const t =
      '*|IF:MERGE=x|*<p>x</p>*|ELSEIF:MERGE=y|*<p>not x, but y</p>*|ELSEIF:MERGE=z|*<p>z</p>*|ELSE:|*<p>alternate</p>*|END:IF|*';
    expect(mc(t, { MERGE: 'y' })).toBe('<p>not x, but y</p>');
    expect(mc(t, { MERGE: 'w' })).toBe('<p>alternate</p>');
    expect(mc('*|IF:MERGE|*content to display*|ELSE:|*alternative content*|END:IF|*', {})).toBe(
      'alternative content',
    );
  });
  it('nested and negative conditions', () => {
    const nested = '*|IF:MERGE1=x|**|IF:MERGE2=y|*<p>both</p>*|END:IF|**|END:IF|*';
    expect(mc(nested, { MERGE1: 'x', MERGE2: 'y' })).toBe('<p>both</p>');
    expect(mc(nested, { MERGE1: 'x', MERGE2: 'n' })).toBe('');
    expect(mc('*|IF:MERGE!=x|*not x*|ELSE:|*x*|END:IF|*', { MERGE: 'x' })).toBe('x');
    expect(mc('*|IFNOT:MERGE|*not provided*|ELSE:|*provided*|END:IF|*', {})).toBe('not provided');
  });
  it('escapes merge values in HTML unless asked for raw HTML', () => {
    expect(renderMailchimp('*|FNAME|* *|HTML:FNAME|*', { FNAME: '<b>' }, 'html')).toBe('&lt;b&gt; <b>');
  });
});

describe('Mailgun\'s recipient variables, on its "Batch sending" example', () => {
  it("replaces %recipient.key% with that recipient's value, and %unsubscribe_url%", () => {
    const variables: Record<string, Record<string, string>> = {
      'user1@example.com': { unique_id: 'ABC123456789' },
      'user2@example.com': { unique_id: 'ZXY987654321' },
    };
    expect(renderMailgun('id %recipient.unique_id%', variables['user1@example.com']!, 'u')).toBe(
      'id ABC123456789',
    );
    expect(renderMailgun('id %recipient.unique_id%', variables['user2@example.com']!, 'u')).toBe(
      'id ZXY987654321',
    );
    expect(renderMailgun('<a href="%unsubscribe_url%">', {}, 'https://u.example/1')).toBe(
      '<a href="https://u.example/1">',
    );
  });
});

describe("Campaign Monitor's personalisation and link tags", () => {
  const links = {
    unsubscribe: 'https://u.example/?a=1&b=2',
    preferences: 'https://p.example/',
    webversion: 'https://w.example/',
  };
  it('prints the field, or its fallback when the subscriber has none', () => {
    const t = 'Hi [firstname,fallback=there],';
    expect(renderCampaignMonitor(t, { firstname: 'Ann', email: '' }, links, 'text')).toBe('Hi Ann,');
    expect(renderCampaignMonitor(t, { firstname: '', email: '' }, links, 'text')).toBe('Hi there,');
  });
  it('makes <unsubscribe> a link keeping its attributes, and [unsubscribe] the address in text', () => {
    expect(
      renderCampaignMonitor(
        '<unsubscribe style="color: #000;">Unsubscribe</unsubscribe>',
        { firstname: '', email: '' },
        links,
        'html',
      ),
    ).toBe('<a href="https://u.example/?a=1&amp;b=2" style="color: #000;">Unsubscribe</a>');
    expect(
      renderCampaignMonitor('Unsubscribe: [unsubscribe]', { firstname: '', email: '' }, links, 'text'),
    ).toBe(`Unsubscribe: ${links.unsubscribe}`);
  });
});

describe('the exports, rendered by those renderers, read as send writes them', () => {
  const fixture = useFixture();

  const platform = (name: string) => PLATFORMS.find((p) => p.name === name)!;

  const render: Record<
    string,
    (part: 'html' | 'text', template: string, i: number, d: Record<string, string | undefined>) => string
  > = {
    mailchimp: (part, template, i, d) =>
      renderMailchimp(
        template,
        {
          FNAME: SUBSCRIBERS[i]!.first_name,
          EMAIL: SUBSCRIBERS[i]!.email,
          UNSUB: SUBSCRIBERS[i]!.unsubscribe_url,
          UPDATE_PROFILE: d.preferences_url ?? '',
          ARCHIVE: d.web_version_url ?? '',
          'LIST:ADDRESSLINE': d.postal_address ?? '',
        },
        part,
      ),
    'campaign-monitor': (part, template, i, d) =>
      renderCampaignMonitor(
        template,
        { firstname: SUBSCRIBERS[i]!.first_name, email: SUBSCRIBERS[i]!.email },
        {
          unsubscribe: SUBSCRIBERS[i]!.unsubscribe_url,
          preferences: d.preferences_url ?? '',
          webversion: d.web_version_url ?? '',
        },
        part,
      ),
    // Mailgun's variables take no fallback: the export warns (EXPORT_FALLBACK_DROPPED) to give every
    // recipient a first_name, so the sender gives the nameless one the template's fallback.
    mailgun: (_, template, i) =>
      renderMailgun(
        template,
        { first_name: SUBSCRIBERS[i]!.first_name || 'there', email: SUBSCRIBERS[i]!.email },
        SUBSCRIBERS[i]!.unsubscribe_url,
      ),
  };

  it.each(['mailchimp', 'campaign-monitor', 'mailgun'])(
    '%s: each subscriber reads what send wrote them',
    (name) => {
      const { export: exported, reference, defaults } = fixture().exported(platform(name));
      SUBSCRIBERS.forEach((subscriber, i) => {
        const who = `${name}, ${subscriber.first_name || 'no first name'}`;
        const html = render[name]!('html', exported.html, i, defaults.html);
        const text = render[name]!('text', exported.text, i, defaults.text);
        const sent = reference(i);
        expect(normaliseText(text), who).toBe(normaliseText(sent.text));
        const mine = read(html);
        const theirs = read(sent.html);
        expect(mine.conditionalComments, who).toBe(theirs.conditionalComments);
        expect(mine.links, who).toEqual(theirs.links);
        if (name === 'mailgun' && /[<&]/.test(subscriber.first_name)) {
          // Mailgun puts a recipient variable into the HTML as it is: a name holding "<" reaches the HTML raw.
          // The export cannot escape for it (one variable serves the HTML and the text): the sender must.
          expect(html, who).toContain(`Hi ${subscriber.first_name},`);
          return;
        }
        expect(mine.text, who).toBe(theirs.text);
        expect(mine.text, who).toContain(LITERAL);
      });
    },
  );
});
