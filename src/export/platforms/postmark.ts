// Postmark broadcast streams: Mustachio. A fallback is an inverted section; no escape for literal "{{".
import { mustache } from '../families.js';
import { literal, type Platform } from '../platform.js';

const platform: Platform = {
  name: 'postmark',
  label: 'Postmark',
  tags: {
    first_name: ({ part, fallback }) =>
      fallback
        ? `{{#first_name}}${mustache('first_name', part)}{{/first_name}}{{^first_name}}${literal(fallback, /[{}]/)}{{/first_name}}`
        : mustache('first_name', part),
    email: ({ part }) => mustache('email', part),
    unsubscribe_url: () => '{{{ pm:unsubscribe }}}',
  },
  syntax: /\{\{/g,
  required: { html: ['{{{ pm:unsubscribe }}}'], text: ['{{{ pm:unsubscribe }}}'] },
};

export default platform;
