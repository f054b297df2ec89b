// Mailgun batch sending: %recipient.x% from the recipient variables, and Mailgun's %unsubscribe_url%.
// Its variables take no fallback, and a literal "%recipient…%" has no escape in plain text.
import type { Platform } from '../platform.js';

const platform: Platform = {
  name: 'mailgun',
  label: 'Mailgun',
  tags: {
    first_name: () => '%recipient.first_name%',
    email: () => '%recipient.email%',
    unsubscribe_url: () => '%unsubscribe_url%',
  },
  fallbacks: false,
  syntax: /%(?:recipient(?:[._][\w-]+)*|(?:tag_|mailing_list_)?unsubscribe_url)%/g,
  required: { html: ['%unsubscribe_url%'], text: ['%unsubscribe_url%'] },
};

export default platform;
