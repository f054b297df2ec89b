// Amazon SES templates: Handlebars over the template data; SES fills its own subscription-management link.
import { handlebars, mustache } from '../families.js';
import type { Platform } from '../platform.js';

const platform: Platform = {
  name: 'ses',
  label: 'Amazon SES',
  tags: {
    first_name: (context) => handlebars.field('first_name', context),
    email: ({ part }) => mustache('email', part),
    unsubscribe_url: () => '{{amazonSESUnsubscribeUrl}}',
  },
  syntax: handlebars.syntax,
  escapeText: handlebars.escapeText,
  required: { html: ['{{amazonSESUnsubscribeUrl}}'], text: ['{{amazonSESUnsubscribeUrl}}'] },
};

export default platform;
