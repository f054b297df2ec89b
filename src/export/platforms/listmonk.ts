// listmonk: Go templates. A fallback is `or`; a literal "{{" is written as the string action {{"{{"}}.
import { quoted, type Platform } from '../platform.js';

const platform: Platform = {
  name: 'listmonk',
  label: 'listmonk',
  tags: {
    // A Go raw string (backticks) needs no escaping inside.
    first_name: (context) =>
      context.fallback
        ? `{{ or .Subscriber.FirstName ${quoted(context.fallback, context, ['`'])} }}`
        : '{{ .Subscriber.FirstName }}',
    email: () => '{{ .Subscriber.Email }}',
    unsubscribe_url: () => '{{ UnsubscribeURL }}',
    preferences_url: () => '{{ ManageURL }}',
    web_version_url: () => '{{ MessageURL }}',
  },
  syntax: /\{\{/g,
  escapeText: () => '{{"{{"}}',
  required: { html: ['{{ UnsubscribeURL }}'], text: ['{{ UnsubscribeURL }}'] },
};

export default platform;
