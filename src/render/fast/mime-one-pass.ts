// Writes out a message that nodemailer's MailComposer compiled. nodemailer's own build() streams every
// part through a chain of Transform streams, made for attachments read from disk or the network; for our
// messages (string parts, quoted-printable or 7bit) that plumbing cost more than the encoding itself. So
// those trees are written here in one pass, with nodemailer's own header builder and quoted-printable
// encoder, in the order its stream() writes them; anything else (attachments, parts over 64 KiB, a raw
// message) goes through node.build() (the reference path's referenceMessage).
// test/render/fast/mime-one-pass.test.ts holds the two byte for byte equal.
import type MimeNode from 'nodemailer/lib/mime-node';
import { buildDoesMore, QP_SLICE_BYTES, quotedPrintable } from '../../library-internals.js';
import { referenceMessage } from '../reference.js';

export function buildMime(root: MimeNode): Promise<Buffer> {
  if (!writable(root, true)) return referenceMessage(root);
  const chunks: string[] = [];
  write(root, chunks);
  let message = chunks.join('');
  // build() ends every message with a line break (its LastNewline stream)
  if (!message.endsWith('\n')) message += message.endsWith('\r') ? '\n' : '\r\n';
  return Promise.resolve(Buffer.from(message, 'utf8'));
}

function writable(node: MimeNode, root: boolean): boolean {
  if (buildDoesMore(node, root)) return false;
  if (node.content !== undefined && node.content !== '' && typeof node.content !== 'string') return false;
  if (node.content && !['quoted-printable', '7bit'].includes(String(node.getTransferEncoding())))
    return false;
  // qp.Encoder encodes in slices of 64 KiB and wraps lines across them: see quotedPrintable()
  if (typeof node.content === 'string' && Buffer.byteLength(node.content) > QP_SLICE_BYTES) return false;
  return node.childNodes.every((child) => writable(child, false));
}

/** As MimeNode.stream(): the headers, the encoded content, then each child between boundaries. */
function write(node: MimeNode, chunks: string[]): void {
  chunks.push(`${node.buildHeaders()}\r\n\r\n`);
  if (typeof node.content === 'string' && node.content !== '') {
    chunks.push(
      node.getTransferEncoding() === 'quoted-printable' ? quotedPrintable(node.content) : node.content,
    );
  }
  if (!node.multipart) return;
  node.childNodes.forEach((child, index) => {
    chunks.push(`${index > 0 ? '\r\n' : ''}--${node.boundary}\r\n`);
    write(child, chunks);
  });
  chunks.push(`\r\n--${node.boundary}--\r\n`);
}
