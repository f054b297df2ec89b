// Where send delivers and how it reports a server it cannot use: the SMTP settings if there are any, else
// the local inbox; the TLS policy; and the hints that say what to check when verify() fails.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { findInbox } from '../inbox/running.js';
import { describe, RETRYABLE_REPLIES } from './policy.js';
import { readSmtpSettings, type SmtpSettings } from './settings.js';
import { label, tlsRequired, type SmtpError, type SmtpTarget } from './smtp.js';

export interface SendTarget {
  via: 'smtp' | 'inbox' | 'outbox';
  /** host:port, or the outbox folder for a dry run. */
  where: string;
  tls?: 'tls' | 'starttls required' | 'starttls if offered';
  user?: string;
}

export async function findTarget(
  root: string,
  outDir: string,
  env: NodeJS.ProcessEnv,
  options: { insecure?: boolean; requireTls?: boolean; timeoutMs?: number },
): Promise<{ target: SmtpTarget; info: SendTarget } | { diagnostic: Diagnostic }> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const smtp = await readSmtpSettings(root, env);
  if (smtp.kind === 'invalid') return { diagnostic: smtp.diagnostics[0]! };
  let settings: SmtpSettings;
  let via: SendTarget['via'] = 'smtp';
  if (smtp.kind === 'smtp') {
    settings = smtp.settings;
  } else {
    const inbox = await findInbox(outDir);
    if (!inbox.running) {
      return {
        diagnostic: diag(
          'SMTP_NOT_CONFIGURED',
          'error',
          `no SMTP settings, and ${inbox.why}`,
          {},
          'start one with `newsletter inbox` in another terminal, or set SMTP_URL (smtp://user:password@host:587) in the environment or .env',
        ),
      };
    }
    settings = { host: '127.0.0.1', port: inbox.port, secure: false };
    via = 'inbox';
  }
  const target: SmtpTarget = { ...settings, requireTLS: tlsRequired(settings.host, options), timeoutMs };
  const tls = target.secure ? 'tls' : target.requireTLS ? 'starttls required' : 'starttls if offered';
  return {
    target,
    info: { via, where: label(target), tls, ...(target.auth ? { user: target.auth.user } : {}) },
  };
}

export function verifyDiagnostic(
  target: SmtpTarget,
  info: SendTarget,
  error: SmtpError,
  redact: (text: string) => string,
): Diagnostic {
  const where = label(target);
  return diag(
    'SMTP_VERIFY',
    'error',
    `${where}: ${redact(describe(error))}; nothing was sent`,
    {},
    verifyHint(target, info, error),
  );
}

/** What to check, by what went wrong. */
function verifyHint(target: SmtpTarget, info: SendTarget, error: SmtpError): string | undefined {
  const where = label(target);
  const system = error.originalCode ?? error.code;
  if (info.via === 'inbox') return 'is `newsletter inbox` still running? start it again, or set SMTP_URL';
  if (error.responseCode && RETRYABLE_REPLIES.has(error.responseCode))
    return 'the server said to try later, and still did after a few attempts: try again in a while';
  if (error.code === 'EAUTH') return 'check SMTP_USER and SMTP_PASS (or the user and password in SMTP_URL)';
  if (error.code === 'ETLS' || /STARTTLS|certificate/i.test(error.message)) {
    return target.requireTLS && !target.secure
      ? 'the server must offer STARTTLS with a certificate this machine trusts: use smtps:// on port 465, trust a test certificate with SMTP_CA, or (on a trusted network only) --insecure'
      : 'the TLS handshake failed: check that smtps:// (SMTP_SECURE) matches the port (465 is TLS from the start, 587 is STARTTLS), and SMTP_CA for a self-signed certificate';
  }
  if (system === 'ECONNREFUSED') return `nothing is listening on ${where}: check SMTP_HOST and SMTP_PORT`;
  if (system === 'ENOTFOUND' || system === 'EDNS')
    return `the host name ${target.host} does not resolve: check SMTP_HOST`;
  if (system === 'ETIMEDOUT')
    return `no answer from ${where} within ${target.timeoutMs / 1000} s: check the host and port (465 expects TLS from the start: smtps://), or raise --timeout`;
  return undefined;
}

/**
 * A password must never reach output, even if a server echoes it back: as written, percent-encoded (a URL),
 * or base64-encoded as AUTH LOGIN and AUTH PLAIN send it.
 */
export function redactor(target: SmtpTarget): (text: string) => string {
  const auth = target.auth;
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const forms = auth?.pass
    ? [base64(`\0${auth.user}\0${auth.pass}`), base64(auth.pass), auth.pass, encodeURIComponent(auth.pass)]
    : [];
  const secrets = forms.filter((s) => s.length >= 3); // longest first: the AUTH PLAIN token before the bare password
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('********'), text);
}
