// check --online: request every link and image of the edition, HEAD first (cheap), GET when HEAD fails or
// is refused (many servers answer HEAD with 403, 404 or 405), redirects followed, each request bounded by
// a time limit that counts the server's time only (server-time.ts), and a few at a time. Results are shared
// between editions of one run: a footer link is asked once.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, urlNeedles } from './locate.js';
import type { BuiltEdition } from './rule.js';
import { serverTimeLimit } from './server-time.js';

export interface LiveLinkOptions {
  timeoutMs: number;
  concurrency: number;
  /** URL -> outcome, shared by the editions of one run. */
  cache: Map<string, Promise<Outcome>>;
}

export type Outcome = { ok: true; status: number } | { ok: false; status?: number; reason: string };

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONCURRENCY = 8;
const USER_AGENT = 'newsletter-check (link checker; +https://www.npmjs.com/package/newsletter)';

export async function liveLinks(built: BuiltEdition, options: LiveLinkOptions): Promise<Diagnostic[]> {
  const targets = new Map<string, 'link' | 'image'>();
  for (const { href } of built.page.links) if (/^https?:\/\//i.test(href)) targets.set(href, 'link');
  // the edition's own local images are published with it: before that, their URLs cannot answer yet
  const published = new Set((built.edition.assets ?? []).map((asset) => asset.url));
  for (const img of built.page.images) {
    const src = img.attribs.src?.trim() ?? '';
    if (/^https?:\/\//i.test(src) && !targets.has(src) && !published.has(src)) targets.set(src, 'image');
  }
  const urls = [...targets.keys()];
  const outcomes = await inPool(urls, options.concurrency, (url) => {
    let outcome = options.cache.get(url);
    if (!outcome) options.cache.set(url, (outcome = request(url, options.timeoutMs)));
    return outcome;
  });
  return urls.flatMap((url, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) return [];
    return [
      diag(
        'LINK_BROKEN',
        'error',
        `${targets.get(url)} ${url} ${outcome.reason}`,
        locate(built, urlNeedles(url)),
        'fix or remove the link; check it in a browser',
      ),
    ];
  });
}

async function request(url: string, timeoutMs: number): Promise<Outcome> {
  const head = await attempt(url, 'HEAD', timeoutMs);
  if (head.ok) return head;
  return attempt(url, 'GET', timeoutMs);
}

async function attempt(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<Outcome> {
  const limit = serverTimeLimit(timeoutMs);
  try {
    const response = await fetch(url, {
      method,
      redirect: 'follow',
      signal: limit.signal,
      headers: { 'user-agent': USER_AGENT, accept: '*/*' },
    });
    await response.body?.cancel(); // the status is all we need: do not download the page
    if (response.status < 400) return { ok: true, status: response.status };
    return {
      ok: false,
      status: response.status,
      reason: `answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return { ok: false, reason: `did not answer within ${timeoutMs / 1000} s` };
    return { ok: false, reason: `could not be reached: ${e.cause?.code ?? e.cause?.message ?? e.message}` };
  } finally {
    limit.stop();
  }
}

/** Runs `work` on every item, at most `size` at a time, results in input order. */
async function inPool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}
