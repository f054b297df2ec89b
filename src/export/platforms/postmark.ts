// Postmark broadcast streams: Mustachio. A fallback is an inverted section; no escape for literal "{{".
// Inside {{#first_name}}…{{/first_name}} Mustachio looks names up in first_name's value only (it does not
// search outer scopes the way Mustache does), so the value is reached from there with "../first_name", as
// Postmark's template-syntax article shows ("Advanced Interpolation").
import { mustache } from '../families.js';
import { literal, type Platform } from '../platform.js';

const platform: Platform = {
  name: 'postmark',
  label: 'Postmark',
  tags: {
    first_name: ({ part, fallback }) =>
      fallback
        ? `{{#first_name}}${mustache('../first_name', part)}{{/first_name}}{{^first_name}}${literal(fallback, /[{}]/)}{{/first_name}}`
        : mustache('first_name', part),
    email: ({ part }) => mustache('email', part),
    unsubscribe_url: () => '{{{ pm:unsubscribe }}}',
  },
  syntax: /\{\{/g,
  required: { html: ['{{{ pm:unsubscribe }}}'], text: ['{{{ pm:unsubscribe }}}'] },
};

export default platform;
