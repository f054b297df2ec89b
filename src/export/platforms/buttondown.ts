// Buttondown: Django templates. A literal "{{", "{%" or "{#" is written with Django's {% templatetag %}.
import { djangoSyntax } from '../families.js';
import { quoted, type Platform } from '../platform.js';

const TEMPLATETAG: Record<string, string> = { '{{': 'openvariable', '{%': 'openblock', '{#': 'opencomment' };

const platform: Platform = {
  name: 'buttondown',
  label: 'Buttondown',
  tags: {
    first_name: (context) =>
      context.fallback
        ? `{{ subscriber.metadata.first_name|default:${quoted(context.fallback, context, ['"', "'"])} }}`
        : '{{ subscriber.metadata.first_name }}',
    email: () => '{{ subscriber.email }}',
    unsubscribe_url: () => '{{ unsubscribe_url }}',
    web_version_url: () => '{{ email_url }}',
  },
  syntax: djangoSyntax,
  escapeText: (match) => `{% templatetag ${TEMPLATETAG[match]} %}`,
  required: { html: ['{{ unsubscribe_url }}'], text: ['{{ unsubscribe_url }}'] },
};

export default platform;
