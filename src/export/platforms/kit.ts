// Kit (ConvertKit): Liquid. Liquid does not escape HTML by itself, so the HTML part pipes recipient values
// through `escape`; a literal "{{" or "{%" is wrapped in {% raw %}.
import { liquidSyntax } from '../families.js';
import { quoted, type Platform, type TagContext } from '../platform.js';

const value = (name: string, context: TagContext) =>
  `{{ ${name}${context.part === 'html' ? ' | escape' : ''}${context.fallback ? ` | default: ${quoted(context.fallback, context)}` : ''} }}`;

const platform: Platform = {
  name: 'kit',
  label: 'Kit',
  tags: {
    first_name: (context) => value('subscriber.first_name', context),
    email: (context) => value('subscriber.email_address', context),
    unsubscribe_url: () => '{{ unsubscribe_url }}',
    preferences_url: () => '{{ subscriber_preferences_url }}',
  },
  syntax: liquidSyntax,
  escapeText: (match) => `{% raw %}${match}{% endraw %}`,
  required: { html: ['{{ unsubscribe_url }}'], text: ['{{ unsubscribe_url }}'] },
};

export default platform;
