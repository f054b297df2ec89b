// The local inbox as the preview server and `send` use it: a real SMTP client delivers to it on loopback,
// and the store reads back what it kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { startInbox, type RunningInbox } from '../../src/inbox/server.js';
import { listMessages, readMessage } from '../../src/inbox/store.js';

describe('local inbox', () => {
  let outDir: string;
  let inbox: RunningInbox;

  const deliver = (subject: string, to = 'reader@example.org') =>
    nodemailer.createTransport({ host: '127.0.0.1', port: inbox.port, secure: false }).sendMail({
      from: 'Field Notes <editor@fieldnotes.example.com>',
      to,
      subject,
      text: `text of ${subject}\n`,
      html: `<p>html of <b>${subject}</b></p>`,
      headers: { 'List-Unsubscribe': '<https://example.org/u>' },
    });

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'newsletter-inbox-'));
    inbox = await startInbox({ outDir });
  });
  afterAll(async () => {
    await inbox.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('lists nothing before the first message (and nothing for an out folder that has no inbox)', async () => {
    expect(await listMessages(outDir)).toEqual([]);
    expect(await listMessages(join(outDir, 'missing'))).toEqual([]);
  });

  it('records the port it listens on, on 127.0.0.1', async () => {
    const info = JSON.parse(await readFile(join(outDir, '.newsletter/inbox/server.json'), 'utf8'));
    expect(info).toEqual({ port: inbox.port, pid: process.pid });
    expect(inbox.port).toBeGreaterThan(0);
  });

  it('keeps each message as an .eml and lists them newest first', async () => {
    await deliver('First');
    await deliver('Second', 'Ann <ann@example.org>');
    const files = (await readdir(join(outDir, '.newsletter/inbox'))).filter((n) => n.endsWith('.eml'));
    expect(files).toHaveLength(2);
    const list = await listMessages(outDir);
    expect(list.map((m) => m.subject)).toEqual(['Second', 'First']);
    expect(list[0]).toMatchObject({
      from: '"Field Notes" <editor@fieldnotes.example.com>',
      to: '"Ann" <ann@example.org>',
    });
    expect(list[0].size).toBe(
      (await readFile(join(outDir, '.newsletter/inbox', `${list[0].id}.eml`))).length,
    );
    expect(Number.isNaN(Date.parse(list[0].date))).toBe(false);
  });

  it('reads one message: HTML, text, headers in order and the raw source', async () => {
    const [newest] = await listMessages(outDir);
    const message = await readMessage(outDir, newest.id);
    expect(message?.summary).toEqual(newest);
    expect(message?.html).toContain('<p>html of <b>Second</b></p>');
    expect(message?.text).toBe('text of Second\n');
    const names = message!.headers.map(([name]) => name);
    expect(names.slice(0, 2)).toEqual(['Return-Path', 'Received']);
    expect(message!.headers).toContainEqual(['List-Unsubscribe', '<https://example.org/u>']);
    expect(message!.headers).toContainEqual(['Subject', 'Second']);
    expect(message!.headers.find(([name]) => name === 'Received')?.[1]).toContain('for <ann@example.org>');
    expect(message!.raw).toMatch(/^Return-Path: <editor@fieldnotes\.example\.com>\r\n/);
  });

  it('refuses ids that are not plain file names', async () => {
    for (const id of ['../server', '..', 'a/b', '.hidden', '', 'x\0y', `${'a'.repeat(101)}`]) {
      expect(await readMessage(outDir, id)).toBeUndefined();
    }
    expect(await readMessage(outDir, 'server')).toBeUndefined();
  });

  it('removes server.json when it closes', async () => {
    const second = await startInbox({ outDir: join(outDir, 'other') });
    const file = join(outDir, 'other/.newsletter/inbox/server.json');
    expect(JSON.parse(await readFile(file, 'utf8')).port).toBe(second.port);
    await second.close();
    await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
