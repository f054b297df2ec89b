// Writes out a message that nodemailer's MailComposer compiled. nodemailer's own build() streams every
// part through a chain of Transform streams, made for attachments read from disk or the network; for our
// messages (string parts, quoted-printable or 7bit) that plumbing cost more than the encoding itself. So
// those trees are written here in one pass, with nodemailer's own header builder and quoted-printable
// encoder, in the order its stream() writes them; anything else (attachments, parts over 64 KiB, a raw
// message) goes through node.build().
// test/render/fast/mime-one-pass.test.ts holds the two byte for byte equal.
import type MimeNode from 'nodemailer/lib/mime-node';
import * as qp from 'nodemailer/lib/qp';

/** The fields of a MimeNode that its build() also looks at, and this one declines to handle. */
interface Internals {
  _raw?: unknown;
  _transforms?: unknown[];
  _processFuncs?: unknown[];
  newline?: unknown;
}

const LINE_LENGTH = 76; // qp.Encoder's default, which build() uses
const ENCODE_SLICE_BYTES = 64 * 1024; // qp.Encoder's ENCODE_SLICE_SIZE

export function buildMime(root: MimeNode): Promise<Buffer> {
  if (!writable(root, true))
    return new Promise((resolve, reject) =>
      root.build((error, message) => (error ? reject(error) : resolve(message))),
    );
  const chunks: string[] = [];
  write(root, chunks);
  let message = chunks.join('');
  // build() ends every message with a line break (its LastNewline stream)
  if (!message.endsWith('\n')) message += message.endsWith('\r') ? '\n' : '\r\n';
  return Promise.resolve(Buffer.from(message, 'utf8'));
}

function writable(node: MimeNode, root: boolean): boolean {
  const internals = node as unknown as Internals;
  if (internals._raw !== undefined && internals._raw !== false) return false;
  if (root && (internals._transforms?.length || internals._processFuncs?.length || internals.newline))
    return false;
  if (node.content !== undefined && node.content !== '' && typeof node.content !== 'string') return false;
  if (node.content && !['quoted-printable', '7bit'].includes(String(node.getTransferEncoding())))
    return false;
  // qp.Encoder encodes in slices of 64 KiB and wraps lines across them: see quotedPrintable()
  if (typeof node.content === 'string' && Buffer.byteLength(node.content) > ENCODE_SLICE_BYTES) return false;
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

/**
 * What qp.Encoder makes of a part that fits one of its slices. It holds back the spaces and tabs the input
 * ends with until it knows nothing follows, so it encodes and wraps the rest first, keeps that output's
 * last line open, and then wraps that line with the encoded whitespace.
 */
function quotedPrintable(content: string): string {
  let end = content.length;
  while (end > 0 && (content[end - 1] === ' ' || content[end - 1] === '\t')) end--;
  const wrapped = qp.wrap(qp.encode(content.slice(0, end)), LINE_LENGTH);
  if (end === content.length) return wrapped;
  const lastLine = wrapped.lastIndexOf('\n') + 1;
  return (
    wrapped.slice(0, lastLine) + qp.wrap(wrapped.slice(lastLine) + qp.encode(content.slice(end)), LINE_LENGTH)
  );
}
