// Mailchimp: *|MERGE|* tags. A fallback is a conditional block; literal "*|…|*" has no escape in plain text.
import { literal, type Platform } from '../platform.js';

const platform: Platform = {
  name: 'mailchimp',
  label: 'Mailchimp',
  tags: {
    first_name: ({ fallback }) =>
      fallback ? `*|IF:FNAME|**|FNAME|**|ELSE:|*${literal(fallback, /[*|]/)}*|END:IF|*` : '*|FNAME|*',
    email: () => '*|EMAIL|*',
    unsubscribe_url: () => '*|UNSUB|*',
    preferences_url: () => '*|UPDATE_PROFILE|*',
    web_version_url: () => '*|ARCHIVE|*',
    postal_address: () => '*|LIST:ADDRESSLINE|*',
  },
  syntax: /\*\|[^|\n]*\|\*/g,
  required: { html: ['*|UNSUB|*'], text: ['*|UNSUB|*'] },
};

export default platform;
