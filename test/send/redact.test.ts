import { describe, expect, it } from 'vitest';
import { redactor } from '../../src/send/target.js';
import type { SmtpTarget } from '../../src/send/settings.js';

describe('redacting the SMTP password from output', () => {
  const target = {
    host: 'smtp.example.org',
    port: 587,
    auth: { user: 'ann', pass: 's3cret&pass' },
  } as SmtpTarget;
  const redact = redactor(target);
  const b64 = (text: string) => Buffer.from(text).toString('base64');

  it('hides it as written, percent-encoded, and base64-encoded as AUTH LOGIN and AUTH PLAIN send it', () => {
    for (const form of ['s3cret&pass', 's3cret%26pass', b64('s3cret&pass'), b64('\0ann\0s3cret&pass')]) {
      const out = redact(`535 5.7.8 rejected: ${form}`);
      expect(out).not.toContain(form);
      expect(out).toContain('********');
    }
  });

  it('leaves other text alone', () => {
    expect(redact('250 OK: queued as 12345')).toBe('250 OK: queued as 12345');
  });
});
