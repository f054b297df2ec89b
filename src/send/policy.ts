// What a failed delivery means and whether to try again. Retrying is only safe while the server cannot have
// taken the message: a reply saying "try later" (421, 450, 451, 452) or a connection lost before DATA.
// Permanent refusals (5xx) and failed logins are never retried; a connection lost once the message had
// begun to go out may have delivered it, so it is reported as unknown and not resent (no duplicates).
import type { Delivery, SmtpError } from './smtp.js';

export type Verdict =
  | { kind: 'retry'; why: string }
  | { kind: 'rejected'; response: string }
  | { kind: 'failed'; why: string }
  | { kind: 'unknown'; why: string };

export const RETRYABLE_REPLIES = new Set([421, 450, 451, 452]);
const CONNECTION_LOST = new Set(['ECONNECTION', 'ESOCKET']);

export function judge(delivery: Extract<Delivery, { ok: false }>): Verdict {
  const { error, dataStarted } = delivery;
  const reply = error.response?.trim();
  if (dataStarted && (CONNECTION_LOST.has(error.code ?? '') || error.code === 'ETIMEDOUT')) {
    return {
      kind: 'unknown',
      why: `the connection was lost after the message was sent (${describe(error)}); the server may have delivered it, so it was not resent`,
    };
  }
  if (error.responseCode && RETRYABLE_REPLIES.has(error.responseCode))
    return { kind: 'retry', why: reply ?? describe(error) };
  if (error.code === 'EAUTH') return { kind: 'failed', why: `login refused: ${reply ?? error.message}` };
  if (error.responseCode && error.responseCode >= 500 && reply) return { kind: 'rejected', response: reply };
  if (CONNECTION_LOST.has(error.code ?? '') && !error.responseCode)
    return { kind: 'retry', why: describe(error) };
  return { kind: 'failed', why: describe(error) };
}

/** How long to wait before attempt `attempt` (2, 3...): exponential, with jitter so parallel senders spread out. */
export function backoffMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.round(baseMs * 2 ** (attempt - 2) * (0.5 + random()));
}

/** nodemailer's message, with the underlying system error (ECONNREFUSED...) and the server's reply. */
export function describe(error: SmtpError): string {
  const system =
    error.originalCode && !error.message.includes(error.originalCode) ? `${error.originalCode}: ` : '';
  const reply = error.response?.trim();
  const message = reply ? error.message.replace(`: ${error.response}`, '').trim() : error.message;
  return `${system}${message}${reply ? ` (server said: ${reply})` : ''}`;
}
