// Delivering one recipient's message with the retry policy of policy.ts: a few attempts with exponential
// backoff and jitter for "try later" replies and connections lost before DATA; everything else is final.
// The first connection is retried the same way when the server says "try later" (a 421 greeting: busy).
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffMs, describe, judge, RETRYABLE_REPLIES } from './policy.js';
import type { Courier, SmtpError } from './smtp.js';

export type Outcome =
  | { status: 'sent'; response: string; attempts: number }
  | { status: 'rejected'; response: string; attempts: number }
  | { status: 'failed' | 'unknown'; why: string; attempts: number };

export interface RetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  onRetry?: (attempt: number, why: string, delayMs: number) => void;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 4, baseDelayMs: 500 };

export async function deliver(
  courier: Courier,
  envelope: { from: string; to: string },
  message: Buffer,
  retry: RetryOptions = DEFAULT_RETRY,
): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    const delivery = await courier.deliver(envelope, message);
    if (delivery.ok) return { status: 'sent', response: delivery.response, attempts: attempt };
    const verdict = judge(delivery);
    switch (verdict.kind) {
      case 'rejected':
        return { status: 'rejected', response: verdict.response, attempts: attempt };
      case 'failed':
      case 'unknown':
        return { status: verdict.kind, why: verdict.why, attempts: attempt };
      case 'retry': {
        if (attempt >= retry.maxAttempts)
          return {
            status: 'failed',
            why: `gave up after ${attempt} attempts: ${verdict.why}`,
            attempts: attempt,
          };
        const delay = backoffMs(attempt + 1, retry.baseDelayMs);
        retry.onRetry?.(attempt + 1, verdict.why, delay);
        await sleep(delay);
      }
    }
  }
}

/** courier.verify(), tried again while the server answers "try later" (421 at the greeting, 4xx to EHLO or
 *  AUTH); anything else, or the last attempt's error, is thrown as it came. */
export async function verifyWithRetry(courier: Courier, retry: RetryOptions = DEFAULT_RETRY): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await courier.verify();
    } catch (error) {
      const code = (error as SmtpError).responseCode;
      if (!code || !RETRYABLE_REPLIES.has(code) || attempt >= retry.maxAttempts) throw error;
      const delay = backoffMs(attempt + 1, retry.baseDelayMs);
      retry.onRetry?.(attempt + 1, describe(error as SmtpError), delay);
      await sleep(delay);
    }
  }
}
