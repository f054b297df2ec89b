import { readFileSync } from 'node:fs';
import MailComposer from 'nodemailer/lib/mail-composer';
import type MimeNode from 'nodemailer/lib/mime-node';
import { describe, expect, it } from 'vitest';
import { random } from '../../../bench/corpus.js';
import { mailOptions, type MessageInput } from '../../../src/output/eml.js';
import { buildMime } from '../../../src/render/fast/mime-one-pass.js';

// What nodemailer writes itself, through its streams.
const nodemailerBuild = (node: MimeNode) =>
  new Promise<Buffer>((resolve, reject) =>
    node.build((error, message) => (error ? reject(error) : resolve(message))),
  );

function compile(options: object): MimeNode {
  const node = new MailComposer(options as ConstructorParameters<typeof MailComposer>[0]).compile();
  node.keepBcc = false;
  return node;
}

/** Builds the message both ways and compares; says whether buildMime wrote it itself. */
async function expectSameBytes(options: object): Promise<boolean> {
  // two trees: building sets headers on a node (its Content-Transfer-Encoding, a root's Date)
  const node = compile(options);
  let handedOver = false;
  const build = node.build.bind(node);
  node.build = ((callback: Parameters<MimeNode['build']>[0]) => (
    (handedOver = true),
    build(callback)
  )) as MimeNode['build'];
  const ours = await buildMime(node);
  const theirs = await nodemailerBuild(compile(options));
  expect(ours.toString('latin1')).toBe(theirs.toString('latin1'));
  return !handedOver;
}

// Whatever quoted-printable treats apart: spaces and tabs (before a line break, at the end), '=', line
// breaks of each kind, multi-byte characters, long runs without a space, and a dot at a line's start.
const PIECES = [
  ' ',
  '  ',
  '\t',
  '=',
  '\r\n',
  '\n',
  '\r',
  'é',
  '“',
  '😀',
  'a',
  'word ',
  '.',
  '..',
  '<a href="https://x.example/?a=1&b=2">',
  'x'.repeat(90),
];

function randomText(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

const base: MessageInput = {
  from: 'Field Notes <editor@fieldnotes.example.com>',
  subject: 'Héllo, “world”',
  date: new Date('2026-11-20T00:00:00Z'),
  html: '',
  text: '',
  language: 'en',
  listId: 'Field Notes <fieldnotes.example.com>',
  unsubscribeUrl: 'https://fieldnotes.example.com/unsubscribe?u=1&l=2',
};

describe('buildMime', () => {
  it('writes the bytes nodemailer writes, for a built edition', async () => {
    const dir = new URL('../../golden/build/sample/kursk-talks/', import.meta.url);
    const html = readFileSync(new URL('index.html', dir), 'utf8');
    const text = readFileSync(new URL('index.txt', dir), 'utf8');
    expect(await expectSameBytes(mailOptions({ ...base, html, text }))).toBe(true);
    expect(
      await expectSameBytes(
        mailOptions({
          ...base,
          html,
          text,
          to: ['A Reader <reader@example.org>'],
          replyTo: 'desk@example.org',
          unsubscribeMailto: 'mailto:u@example.org',
        }),
      ),
    ).toBe(true);
  });

  it('writes the bytes nodemailer writes, for 300 seeded random messages, some near or over its 64 KiB encoding slice', async () => {
    const next = random(11);
    let written = 0;
    for (let i = 0; i < 300; i++) {
      const long = i % 25 === 0;
      const html = randomText(next, long ? 60_000 + Math.floor(next() * 80_000) : Math.floor(next() * 3000));
      const text = randomText(next, long ? 64_000 + Math.floor(next() * 3000) : Math.floor(next() * 2000));
      if (
        await expectSameBytes(
          mailOptions({ ...base, subject: randomText(next, 20).replace(/[\r\n]/g, ''), html, text }),
        )
      )
        written++;
    }
    expect(written).toBeGreaterThan(250); // the rest run over 64 KiB, and go to nodemailer
  });

  it('writes plain ASCII parts as 7bit, as nodemailer does', async () => {
    const options = {
      from: 'a@example.org',
      subject: 'plain',
      date: base.date,
      messageId: '<1@example.org>',
      baseBoundary: 'fixed',
      text: 'Just ASCII.\r\n',
      html: '<p>Just ASCII.</p>',
    };
    expect(await expectSameBytes(options)).toBe(true);
    expect((await buildMime(compile(options))).toString()).toContain('Content-Transfer-Encoding: 7bit');
    // one part, not multipart: the message ends where the text does, and gets a line break
    for (const text of ['No line break at the end.', 'A lone CR\r', 'A lone CR, é\r']) {
      expect(await expectSameBytes({ ...options, html: undefined, text })).toBe(true);
    }
  });

  it('leaves to nodemailer what it does not write itself (an attachment, a raw message)', async () => {
    expect(
      await expectSameBytes({
        from: 'a@example.org',
        date: base.date,
        messageId: '<2@example.org>',
        baseBoundary: 'fixed',
        text: 'hi',
        attachments: [{ filename: 'a.bin', content: Buffer.from([0, 1, 2, 255]) }],
      }),
    ).toBe(false);
    expect(await expectSameBytes({ raw: 'Subject: raw\r\n\r\nbody\r\n' })).toBe(false);
  });
});
