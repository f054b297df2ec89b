// Mailchimp, Mailgun and Campaign Monitor publish no template engine: these are small renderers of the
// syntax their documentation describes, each tested on the documentation's examples
// (documented-syntax.test.ts) before it renders an export.
import { escapeHtml } from '../../../src/render/tokens.js';

export type Part = 'html' | 'text';

/**
 * Mailchimp's merge tags, as Mailchimp's Transactional documentation describes them ("Dynamic content",
 * mailchimp.com/developer/transactional/docs/templates-dynamic-content/): *|NAME|* prints a merge value
 * (HTML-escaped in the HTML; *|HTML:NAME|* would print it raw); *|IF:NAME|*, *|IF:NAME=x|*, *|IF:NAME!=x|*,
 * *|IFNOT:NAME|*, *|ELSEIF:…|*, *|ELSE:|* and *|END:IF|* choose content, and nest. A missing value makes a
 * condition on it false.
 */
export function renderMailchimp(template: string, merge: Record<string, string>, part: Part): string {
  const tokens = template.split(/(\*\|[^|]*\|\*)/);
  let at = 0;
  const holds = (condition: string): boolean => {
    const [, name, op, value] = /^([^=!]+)(?:(!?=)(.*))?$/.exec(condition) ?? [];
    const actual = merge[name ?? ''];
    if (op === undefined) return Boolean(actual);
    if (actual === undefined || actual === '') return op === '!=';
    return op === '=' ? actual === value : actual !== value;
  };
  // Renders until an ELSEIF, ELSE or END:IF of the enclosing block; returns what stopped it.
  const render = (): { out: string; stop?: string } => {
    let out = '';
    while (at < tokens.length) {
      const token = tokens[at++]!;
      const tag = /^\*\|([^|]*)\|\*$/.exec(token)?.[1];
      if (tag === undefined) {
        out += token;
        continue;
      }
      if (/^(ELSEIF:|ELSE:$|END:IF$)/.test(tag)) return { out, stop: tag };
      const opening = /^(IF|IFNOT):(.*)$/.exec(tag);
      if (opening) {
        let chosen: string | undefined;
        let condition = opening[1] === 'IF' ? holds(opening[2]!) : !holds(opening[2]!);
        for (;;) {
          const branch = render();
          if (condition && chosen === undefined) chosen = branch.out;
          if (!branch.stop || branch.stop === 'END:IF') break;
          condition = branch.stop === 'ELSE:' ? true : holds(branch.stop.slice('ELSEIF:'.length));
        }
        out += chosen ?? '';
        continue;
      }
      const raw = tag.startsWith('HTML:');
      const value = merge[raw ? tag.slice(5) : tag] ?? '';
      out += part === 'html' && !raw ? escapeHtml(value) : value;
    }
    return { out };
  };
  return render().out;
}

/**
 * Mailgun's batch sending (documentation.mailgun.com, "Batch sending" and "Tracking messages"):
 * %recipient.key% is replaced by the recipient's variable of that name, as it is (Mailgun escapes nothing),
 * and %unsubscribe_url% by the recipient's unsubscribe link.
 */
export function renderMailgun(
  template: string,
  recipient: Record<string, string>,
  unsubscribe: string,
): string {
  return template
    .replace(/%recipient\.([\w-]+)%/g, (_, key: string) => recipient[key] ?? '')
    .replace(/%unsubscribe_url%/g, unsubscribe);
}

/**
 * Campaign Monitor's personalisation and link tags: [field,fallback=text] prints the subscriber's field, or
 * the fallback when it is empty; [email]; in HTML, <unsubscribe …>text</unsubscribe> (and <preferences>,
 * <webversion>) become links keeping their attributes, in text [unsubscribe] (and [preferences],
 * [webversion]) print the link. Values are HTML-escaped in the HTML.
 */
export function renderCampaignMonitor(
  template: string,
  subscriber: { firstname: string; email: string },
  links: { unsubscribe: string; preferences: string; webversion: string },
  part: Part,
): string {
  const value = (text: string) => (part === 'html' ? escapeHtml(text) : text);
  let out = template
    .replace(/\[firstname,fallback=([^\]]*)\]/gi, (_, fallback: string) =>
      subscriber.firstname ? value(subscriber.firstname) : fallback,
    )
    .replace(/\[email\]/gi, () => value(subscriber.email));
  for (const [name, url] of Object.entries(links)) {
    out =
      part === 'html'
        ? out.replace(
            new RegExp(`<${name}\\b([^>]*)>([\\s\\S]*?)</${name}>`, 'gi'),
            (_, attributes: string, inner: string) =>
              `<a href="${escapeHtml(url)}"${attributes}>${inner}</a>`,
          )
        : out.replace(new RegExp(`\\[${name}\\]`, 'gi'), url);
  }
  return out;
}
