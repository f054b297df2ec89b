// The platforms whose template engine runs in Node, fed a subscriber the way the platform feeds it (as the
// engine tests do, test/export/engines/engines.ts): Handlebars for SendGrid and Amazon SES, liquidjs for
// Kit, Mustachio's rules for Postmark. The other platforms' engines (Go's html/template for listmonk,
// Django-style for Buttondown and Brevo, the merge languages of Mailchimp, Mailgun and Campaign Monitor) do
// not run in Node: the preview shows their export's source instead.
// A URL the engine prints as it is (a triple-stash, the platforms' own unsubscribe placeholders) is
// HTML-escaped in the HTML part first: nothing a recipients file holds reaches the page unescaped.
import Handlebars from 'handlebars';
import { Liquid } from 'liquidjs';
import type { Part } from '../../export/platform.js';
import { escapeHtml, type RecipientValues } from '../../render/tokens.js';
import { renderMustachio } from './mustachio.js';

export interface NodeEngine {
  /** The engine, as the page names it. */
  name: string;
  render(template: string, part: Part, values: RecipientValues): string;
}

const raw = (value: string | undefined, part: Part) =>
  part === 'html' ? escapeHtml(value ?? '') : (value ?? '');

const handlebars = (template: string, data: object) =>
  Handlebars.create().compile(template, { strict: false })(data);

export const NODE_ENGINES: Record<string, NodeEngine> = {
  sendgrid: {
    name: 'Handlebars',
    render: (template, part, v) =>
      handlebars(template, {
        first_name: v.first_name,
        email: v.email,
        unsubscribe: raw(v.unsubscribe_url, part),
        unsubscribe_preferences: raw(v.preferences_url, part),
      }),
  },
  ses: {
    name: 'Handlebars',
    // {{amazonSESUnsubscribeUrl}} is SES's own placeholder for its subscription-management link: the
    // subscriber's unsubscribe URL stands in for it (as data, never as template text).
    render: (template, part, v) =>
      handlebars(
        template.replace(/(?<!\\)\{\{amazonSESUnsubscribeUrl\}\}/g, '{{{amazonSESUnsubscribeUrl}}}'),
        {
          first_name: v.first_name,
          email: v.email,
          amazonSESUnsubscribeUrl: raw(v.unsubscribe_url, part),
        },
      ),
  },
  kit: {
    name: 'liquidjs',
    // Liquid escapes nothing by itself: the export pipes names through `escape`; links come as they are
    render: (template, part, v) =>
      new Liquid().parseAndRenderSync(template, {
        subscriber: { first_name: v.first_name, email_address: v.email },
        unsubscribe_url: raw(v.unsubscribe_url, part),
        subscriber_preferences_url: raw(v.preferences_url, part),
      }),
  },
  postmark: {
    name: "Mustachio's rules",
    render: (template, part, v) =>
      renderMustachio(
        template,
        { first_name: v.first_name ?? '', email: v.email ?? '' },
        raw(v.unsubscribe_url, part),
      ),
  },
};
