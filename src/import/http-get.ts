// One GET the way an import should make it: Node's fetch with redirects followed by hand (each hop's address
// checked), a timeout per request and a budget for the whole import, a size cap, a User-Agent naming the
// tool, and retries (with a short growing pause) on 5xx answers, 429 and timeouts.
import { decodeBody } from './decode.js';
import { refusedTarget } from './target.js';

export interface FetchLimits {
  allowPrivate: boolean;
  /** Per request, body included. */
  timeoutMs: number;
  /** Aborts every request when the import's total budget runs out. */
  budget: AbortSignal;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  userAgent: string;
}

export const DEFAULT_LIMITS = {
  timeoutMs: 10_000,
  budgetMs: 120_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  concurrency: 4,
} as const;

export type Fetched =
  | { ok: true; /** after redirects */ url: string; contentType: string; text: string }
  | { ok: false; reason: string };

type Attempt = Fetched | { ok: false; reason: string; retry: true };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function httpGet(url: string, limits: FetchLimits, accept = '*/*'): Promise<Fetched> {
  for (let attempt = 0; ; attempt++) {
    const result = await followRedirects(url, limits, accept);
    if (result.ok || !('retry' in result) || attempt >= limits.retries || limits.budget.aborted)
      return result.ok ? result : { ok: false, reason: result.reason };
    await pause(300 * 2 ** attempt, limits.budget);
  }
}

async function followRedirects(start: string, limits: FetchLimits, accept: string): Promise<Attempt> {
  const visited = new Set<string>();
  let current = start;
  for (let hop = 0; ; hop++) {
    const refused = await refusedTarget(current, limits.allowPrivate, limits.timeoutMs);
    if (refused) return { ok: false, reason: hop === 0 ? refused : `redirected to ${current}: ${refused}` };
    visited.add(current);
    const signal = AbortSignal.any([AbortSignal.timeout(limits.timeoutMs), limits.budget]);
    let response: Response;
    try {
      response = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': limits.userAgent, accept },
      });
    } catch (error) {
      return failure(error, limits);
    }
    if (REDIRECTS.has(response.status)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      const next = location ? resolve(location, current) : undefined;
      if (!next) return { ok: false, reason: `HTTP ${response.status} redirect without a valid Location` };
      if (visited.has(next)) return { ok: false, reason: `redirect loop (${next} again)` };
      if (hop >= limits.maxRedirects)
        return { ok: false, reason: `more than ${limits.maxRedirects} redirects` };
      current = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return response.status >= 500 || response.status === 429
        ? { ok: false, reason, retry: true }
        : { ok: false, reason };
    }
    const contentType = response.headers.get('content-type') ?? '';
    try {
      const bytes = await readCapped(response, limits.maxBytes);
      if (!bytes) return { ok: false, reason: `larger than ${limits.maxBytes / 1024 / 1024} MB` };
      return { ok: true, url: current, contentType, text: decodeBody(bytes, contentType) };
    } catch (error) {
      return failure(error, limits);
    }
  }
}

/** The body, or undefined as soon as it is known to be over `maxBytes` (the rest is never downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel();
      return undefined;
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

function failure(error: unknown, limits: FetchLimits): Attempt {
  if (limits.budget.aborted) return { ok: false, reason: "the import's time budget ran out" };
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return { ok: false, reason: `no answer within ${limits.timeoutMs / 1000} s`, retry: true };
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  const transient = cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET';
  return transient ? { ok: false, reason, retry: true } : { ok: false, reason };
}

function resolve(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
  });
