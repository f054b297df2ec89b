// The pure parts of send: reading SMTP settings, judging a failed delivery, backoff, addresses.
import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backoffMs, judge } from '../../src/send/policy.js';
import { recipientsFromOption, uniqueRecipients } from '../../src/send/recipients.js';
import { isLoopback, readSmtpSettings, smtpEnvironment } from '../../src/send/settings.js';
import { tlsRequired, type SmtpError } from '../../src/send/smtp.js';

const failure = (error: Partial<SmtpError>, dataStarted = false) => ({
  ok: false as const,
  error: Object.assign(new Error(error.message ?? 'x'), error),
  dataStarted,
});

describe('SMTP settings', () => {
  it('reads SMTP_URL with percent-encoded credentials and default ports', async () => {
    expect(
      await readSmtpSettings('.', { SMTP_URL: 'smtp://me%40example.org:p%3Ass@mail.example.org' }),
    ).toMatchObject({
      kind: 'smtp',
      settings: {
        host: 'mail.example.org',
        port: 587,
        secure: false,
        auth: { user: 'me@example.org', pass: 'p:ss' },
      },
    });
    expect(await readSmtpSettings('.', { SMTP_URL: 'smtps://mail.example.org' })).toMatchObject({
      settings: { port: 465, secure: true },
    });
    expect(await readSmtpSettings('.', { SMTP_URL: 'smtp://[::1]:2525' })).toMatchObject({
      settings: { host: '::1', port: 2525 },
    });
  });

  it('reads the parts when SMTP_URL is not set, and refuses what does not fit', async () => {
    expect(await readSmtpSettings('.', { SMTP_HOST: 'mail.example.org', SMTP_SECURE: 'yes' })).toMatchObject({
      settings: { port: 465, secure: true },
    });
    expect(await readSmtpSettings('.', {})).toMatchObject({ kind: 'none' });
    for (const env of [
      { SMTP_HOST: 'h', SMTP_PORT: '70000' },
      { SMTP_HOST: 'h', SMTP_SECURE: 'maybe' },
      { SMTP_URL: 'http://h' },
      { SMTP_URL: 'smtp://user@h' },
    ]) {
      expect((await readSmtpSettings('.', env)).kind, JSON.stringify(env)).toBe('invalid');
    }
  });

  it('lets the environment win over .env, with an empty variable counting as unset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsletter-env-'));
    try {
      await writeFile(join(dir, '.env'), 'SMTP_URL=smtp://from-file:25\nSMTP_CA=ca.pem\n');
      expect(await smtpEnvironment(dir, { SMTP_URL: 'smtp://from-env:25' })).toMatchObject({
        SMTP_URL: 'smtp://from-env:25',
        SMTP_CA: 'ca.pem',
      });
      expect(await smtpEnvironment(dir, { SMTP_URL: '' })).toMatchObject({ SMTP_URL: 'smtp://from-file:25' });
      expect(await readSmtpSettings(dir, { SMTP_URL: 'smtp://h', SMTP_CA: 'missing.pem' })).toMatchObject({
        kind: 'invalid',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('requires STARTTLS off loopback unless --insecure; --require-tls forces it', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1'].every(isLoopback)).toBe(true);
    expect(['mail.example.org', '10.0.0.1', '127.0.0.1.example.org'].some(isLoopback)).toBe(false);
    expect(tlsRequired('mail.example.org', {})).toBe(true);
    expect(tlsRequired('mail.example.org', { insecure: true })).toBe(false);
    expect(tlsRequired('127.0.0.1', {})).toBe(false);
    expect(tlsRequired('127.0.0.1', { requireTls: true })).toBe(true);
  });
});

describe('judging a failed delivery', () => {
  it('retries "try later" replies and connections lost before DATA', () => {
    for (const responseCode of [421, 450, 451, 452]) {
      expect(judge(failure({ responseCode, response: `${responseCode} later` })).kind).toBe('retry');
    }
    expect(judge(failure({ code: 'ECONNECTION' })).kind).toBe('retry');
    expect(judge(failure({ code: 'ESOCKET', originalCode: 'ECONNRESET' })).kind).toBe('retry');
  });

  it('never retries a permanent refusal or a failed login, nor resends after DATA', () => {
    expect(judge(failure({ responseCode: 550, response: '550 5.1.1 unknown user' }))).toEqual({
      kind: 'rejected',
      response: '550 5.1.1 unknown user',
    });
    expect(judge(failure({ code: 'EAUTH', responseCode: 535, response: '535 bad' })).kind).toBe('failed');
    expect(judge(failure({ code: 'ECONNECTION' }, true)).kind).toBe('unknown');
    expect(judge(failure({ code: 'ETIMEDOUT' }, true)).kind).toBe('unknown');
    expect(judge(failure({ code: 'ETLS', message: 'certificate has expired' })).kind).toBe('failed');
  });

  it('backs off exponentially, with jitter between half and one and a half times the step', () => {
    expect([2, 3, 4].map((attempt) => backoffMs(attempt, 500, () => 0))).toEqual([250, 500, 1000]);
    expect([2, 3, 4].map((attempt) => backoffMs(attempt, 500, () => 1))).toEqual([750, 1500, 3000]);
  });
});

describe('--to addresses', () => {
  it('keeps quoted names with commas together and rejects what is not one address', () => {
    const { recipients, diagnostics } = recipientsFromOption([
      '"Doe, Ann" <ann@example.org>, bob@example.org',
      'carol@exämple.org',
    ]);
    expect(recipients.map((r) => [r.email, r.name])).toEqual([
      ['ann@example.org', 'Doe, Ann'],
      ['bob@example.org', undefined],
      ['carol@exämple.org', undefined],
    ]);
    expect(diagnostics).toEqual([]);
    for (const bad of [
      'not-an-address',
      'a@b@c',
      'team: a@example.org;',
      'ann@example..org',
      'ann@example.org\nBcc: x@example.org',
    ]) {
      expect(recipientsFromOption([bad]).diagnostics, bad).toHaveLength(1);
    }
  });

  it('sends one message per address, whatever its case', () => {
    const list = uniqueRecipients([
      recipientsFromOption(['ann@example.org']),
      recipientsFromOption(['ANN@example.org']),
    ]);
    expect(list.recipients).toHaveLength(1);
    expect(list.diagnostics[0]).toMatchObject({ code: 'RECIPIENT_DUPLICATE', severity: 'warning' });
  });
});
