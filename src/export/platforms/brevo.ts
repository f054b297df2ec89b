// Brevo: its Django-like template language. No escape for literal "{{" or "{%" in plain text.
import { djangoSyntax } from '../families.js';
import { quoted, type Platform } from '../platform.js';

const platform: Platform = {
  name: 'brevo',
  label: 'Brevo',
  tags: {
    first_name: (context) =>
      context.fallback
        ? `{{ contact.FIRSTNAME|default:${quoted(context.fallback, context)} }}`
        : '{{ contact.FIRSTNAME }}',
    email: () => '{{ contact.EMAIL }}',
    unsubscribe_url: () => '{{ unsubscribe }}',
    preferences_url: () => '{{ update_profile }}',
    web_version_url: () => '{{ mirror }}',
  },
  syntax: djangoSyntax,
  required: { html: ['{{ unsubscribe }}'], text: ['{{ unsubscribe }}'] },
};

export default platform;
