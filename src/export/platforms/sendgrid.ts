// SendGrid dynamic templates: Handlebars over the template data, plus SendGrid's own unsubscribe groups.
// No web-version or postal-address tag: those keep their configured values.
import { handlebars, mustache } from '../families.js';
import type { Platform } from '../platform.js';

const platform: Platform = {
  name: 'sendgrid',
  label: 'SendGrid',
  tags: {
    first_name: (context) => handlebars.field('first_name', context),
    email: ({ part }) => mustache('email', part),
    unsubscribe_url: () => '{{{unsubscribe}}}',
    preferences_url: () => '{{{unsubscribe_preferences}}}',
  },
  syntax: handlebars.syntax,
  escapeText: handlebars.escapeText,
  required: { html: ['{{{unsubscribe}}}'], text: ['{{{unsubscribe}}}'] },
};

export default platform;
