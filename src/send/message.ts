// One recipient's message: the kept edition with its recipient tokens filled for them (HTML-escaped in the
// HTML), addressed To them, with their own List-Unsubscribe URL. Composed from the same mailOptions() as
// build's message.eml, so what goes on the wire is what build wrote, personalised.
import { randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';
import MailComposer from 'nodemailer/lib/mail-composer';
import addressparser from 'nodemailer/lib/addressparser';
import { mailOptions } from '../output/eml.js';
import { messageBytes } from '../render/render-path.js';
import { fillTokens, type RecipientValues } from '../render/tokens.js';
import { fillUrl, identifiesRecipient } from '../render/unsubscribe-url.js';
import type { Recipient } from './recipients.js';
import type { KeptEdition } from './stored-edition.js';
import type { InlineImage } from '../assets/inline-images.js';

export interface ComposeOptions {
  /** Mark the subject "[TEST]" (the default; --no-test-prefix turns it off). */
  testPrefix: boolean;
  /** The Date header: when the message is sent. */
  date: Date;
  /** Local images to embed (--embed-images); without them the HTML links to their published URLs. */
  inline?: InlineImage[];
}

export interface ComposedMessage {
  raw: Buffer;
  envelope: { from: string; to: string };
  messageId: string;
  subject: string;
}

export const TEST_PREFIX = '[TEST] ';

/**
 * The recipient's values over the edition's defaults; their unsubscribe URL is their own column, else the
 * configured URL with their fields filled in.
 */
export function recipientValues(kept: KeptEdition, recipient: Recipient): RecipientValues {
  const own = { ...recipient.fields, email: recipient.email };
  const template = kept.stored.unsubscribeTemplate;
  return {
    ...kept.stored.defaults,
    ...(template === undefined ? {} : { unsubscribe_url: fillUrl(template, own) }),
    ...own,
  };
}

/** One-click (List-Unsubscribe-Post) only with a URL of the recipient's own: their column, or the URL's fields. */
const oneClickFor = (kept: KeptEdition, recipient: Recipient): boolean =>
  Boolean(recipient.fields.unsubscribe_url) ||
  (kept.stored.unsubscribeTemplate !== undefined && identifiesRecipient(kept.stored.unsubscribeTemplate));

export async function composeMessage(
  kept: KeptEdition,
  recipient: Recipient,
  options: ComposeOptions,
): Promise<ComposedMessage> {
  const { message } = kept.stored;
  const values = recipientValues(kept, recipient);
  const subject = `${options.testPrefix ? TEST_PREFIX : ''}${message.subject}`;
  const mail = mailOptions({
    ...message,
    to: [formatAddress(recipient)],
    subject,
    date: options.date,
    html: fillTokens(kept.html, values, 'html'),
    text: fillTokens(kept.text, values, 'text'),
    unsubscribeUrl: values.unsubscribe_url ?? '',
    ...(options.inline?.length ? { inline: options.inline } : {}),
    oneClick: oneClickFor(kept, recipient),
  });
  // A Message-ID of its own for every send: Gmail hides a message whose id it has seen before, so a second
  // test send of the same edition would otherwise never show up.
  const messageId = `<${randomUUID()}@${mail.messageId.slice(mail.messageId.lastIndexOf('@') + 1)}`;
  const node = new MailComposer({ ...mail, messageId } as ConstructorParameters<
    typeof MailComposer
  >[0]).compile();
  node.keepBcc = false;
  const raw = await messageBytes(node);
  return {
    raw,
    envelope: { from: envelopeAddress(senderAddress(message.from)), to: envelopeAddress(recipient.email) },
    messageId,
    subject,
  };
}

/**
 * The address as the envelope carries it: an internationalised domain in its ASCII form (IDNA, as the To
 * header has it), which every server takes; `ann@exämple.net` goes out as `ann@xn--exmple-cua.net`. A
 * non-ASCII local part cannot be converted: only a server that offers SMTPUTF8 can take it (smtp.ts).
 */
export function envelopeAddress(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  if (at < 0 || isAscii(domain)) return address;
  const ascii = domainToASCII(domain);
  return ascii ? `${address.slice(0, at)}@${ascii}` : address;
}

export const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);

/** Header fields that come from the config and the edition: a line break in any would forge headers. */
export function headerProblems(kept: KeptEdition): string[] {
  const { message, defaults } = kept.stored;
  const fields: Record<string, string | undefined> = {
    from: message.from,
    replyTo: message.replyTo,
    subject: message.subject,
    listId: message.listId,
    unsubscribeUrl: defaults.unsubscribe_url,
    unsubscribeMailto: message.unsubscribeMailto,
  };
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && /[\r\n\u0000]/.test(value))
    .map(([key]) => `${key} contains a line break`);
}

/** "Ann Smith" <ann@example.org>, quoted so that commas or quotes in a name cannot split the address. */
export function formatAddress(recipient: Pick<Recipient, 'email' | 'name'>): string {
  if (!recipient.name) return recipient.email;
  return `"${recipient.name.replace(/(["\\])/g, '\\$1')}" <${recipient.email}>`;
}

export function senderAddress(from: string): string {
  const [first] = addressparser(from);
  return first?.address ?? from;
}
