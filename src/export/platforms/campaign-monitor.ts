// Campaign Monitor: [field,fallback=] tags, and in HTML its own link elements (<unsubscribe>…</unsubscribe>)
// in place of <a href>. The text part uses the bracket forms. No escape for a literal tag in plain text.
import { literal, type Platform } from '../platform.js';

const BUILT_IN =
  'firstname|lastname|fullname|email|unsubscribe|webversion|preferences|forwardtoafriend|currentday|currentdayname|currentmonth|currentmonthname|currentyear';
const textOnly =
  (tag: string) =>
  ({ part }: { part: 'html' | 'text' }) =>
    part === 'text' ? tag : undefined;

const platform: Platform = {
  name: 'campaign-monitor',
  label: 'Campaign Monitor',
  tags: {
    first_name: ({ fallback }) => `[firstname,fallback=${literal(fallback ?? '', /[[\]]/)}]`,
    email: () => '[email]',
    unsubscribe_url: textOnly('[unsubscribe]'),
    preferences_url: textOnly('[preferences]'),
    web_version_url: textOnly('[webversion]'),
  },
  links: {
    unsubscribe_url: { open: (attributes) => `<unsubscribe${attributes}>`, close: '</unsubscribe>' },
    preferences_url: { open: (attributes) => `<preferences${attributes}>`, close: '</preferences>' },
    web_version_url: { open: (attributes) => `<webversion${attributes}>`, close: '</webversion>' },
  },
  // Its built-in tags, and custom fields, which always carry ",fallback=": "[1]" and "[data-ogsc]" stay text.
  syntax: new RegExp(`\\[(?:${BUILT_IN})(?:,[^\\]\\n]*)?\\]|\\[[^[\\]\\n,]+,fallback=[^\\]\\n]*\\]`, 'gi'),
  required: { html: ['<unsubscribe'], text: ['[unsubscribe]'] },
};

export default platform;
