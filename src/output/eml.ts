// The .eml: multipart/alternative (text, then HTML), UTF-8, quoted-printable, CRLF, composed by nodemailer's
// MailComposer so that `send` puts exactly the same bytes on the wire. Deterministic: the boundary and
// Message-ID come from a hash of the content, the Date from the edition.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { messageBytes } from '../render/render-path.js';
import type { InlineImage } from '../assets/inline-images.js';
import { swapAssetUrls } from '../assets/swap-urls.js';

export interface MessageInput {
  from: string;
  replyTo?: string;
  /** Addresses, or undefined for an edition not yet addressed ("undisclosed-recipients:;"). */
  to?: string[];
  subject: string;
  date: Date;
  html: string;
  text: string;
  language: string;
  listId: string;
  unsubscribeUrl: string;
  unsubscribeMailto?: string;
  /** Local images embedded as inline parts (`embedImages`); without them the HTML links to their URLs. */
  inline?: InlineImage[];
  /** The URL identifies the recipient, so one POST to it unsubscribes them (RFC 8058 §3.1): List-Unsubscribe-Post. */
  oneClick: boolean;
}

export const UNDISCLOSED = 'undisclosed-recipients:;';

export function messageId(
  input: Pick<MessageInput, 'from' | 'subject' | 'html' | 'text'> & { to?: string[] },
): string {
  // the parts joined by NUL, fed one by one: the page and the text are not copied into one more string
  const hash = createHash('sha256');
  [input.subject, input.to?.join(',') ?? '', input.html, input.text].forEach((part, i) =>
    (i > 0 ? hash.update('\0') : hash).update(part),
  );
  const digest = hash.digest('hex');
  const domain = /@([^>\s]+)>?\s*$/.exec(input.from)?.[1] ?? 'newsletter.invalid';
  return `<${digest.slice(0, 32)}@${domain}>`;
}

/** Options for nodemailer (MailComposer here, a transport in `send`): one source for both. */
export function mailOptions(input: MessageInput) {
  const id = messageId(input);
  // no header at all, rather than an empty <>, for a project that has not set its unsubscribe URL yet
  // (IDENTITY_MISSING says so); one-click (RFC 8058) needs the https URL
  const unsubscribe = [
    ...(input.unsubscribeUrl ? [`<${input.unsubscribeUrl}>`] : []),
    ...(input.unsubscribeMailto ? [`<${input.unsubscribeMailto}>`] : []),
  ].join(', ');
  return {
    from: input.from,
    replyTo: input.replyTo,
    to: input.to?.length ? input.to : undefined,
    subject: input.subject,
    date: input.date,
    messageId: id,
    // CRLF in the parts themselves: quoted-printable keeps line breaks as they are, and MIME wants CRLF.
    text: toCrlf(input.text),
    html: toCrlf(embedded(input)),
    // with inline images nodemailer makes the HTML part multipart/related: the HTML, then each image
    ...(input.inline?.length
      ? {
          attachments: input.inline.map((image) => ({
            filename: image.name,
            content: Buffer.from(image.content),
            contentType: image.contentType,
            contentDisposition: 'inline' as const,
            cid: image.cid,
          })),
        }
      : {}),
    textEncoding: 'quoted-printable' as const,
    baseBoundary: id.slice(1, 17),
    headers: {
      // An empty group: nodemailer writes it as "undisclosed-recipients":; (a quoted group name, same meaning).
      ...(input.to?.length ? {} : { To: UNDISCLOSED }),
      'Content-Language': input.language,
      ...(input.listId ? { 'List-Id': input.listId } : {}),
      ...(unsubscribe ? { 'List-Unsubscribe': unsubscribe } : {}),
      ...(input.oneClick ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
    },
  };
}

export function composeEml(input: MessageInput): Promise<Buffer> {
  const composer = new MailComposer(mailOptions(input) as ConstructorParameters<typeof MailComposer>[0]);
  const node = composer.compile();
  node.keepBcc = false;
  return messageBytes(node);
}

const toCrlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** The HTML with each embedded image's URL replaced by its `cid:` reference. */
const embedded = ({ html, inline }: MessageInput) =>
  swapAssetUrls(html, inline, (image) => `cid:${image.cid}`);
