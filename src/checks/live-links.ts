// check --online: request every link and image of the edition, HEAD first (cheap), GET when HEAD fails or
// is refused (many servers answer HEAD with 403, 404 or 405), redirects followed, each request bounded by
// a time limit that counts the server's time only (server-time.ts), and a few at a time over the whole run.
// Results are shared between editions of one run: a footer link is asked once. What to request is worked
// out where the edition was built (a worker thread, maybe); the requests go from the main thread, where the
// cache and the limit are.
import { diag, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { locate, urlNeedles } from './locate.js';
import type { BuiltEdition } from './rule.js';
import { serverTimeLimit } from './server-time.js';

export interface LiveLinkOptions {
  timeoutMs: number;
  /** Requests in flight at most, over every edition of the run. */
  concurrency: number;
  /** URL -> outcome, shared by the editions of one run. */
  cache: Map<string, Promise<Outcome>>;
  /** Runs a request once fewer than `concurrency` are in flight (made by `liveLinkOptions`). */
  slot: <T>(work: () => Promise<T>) => Promise<T>;
}

export type Outcome = { ok: true; status: number } | { ok: false; status?: number; reason: string };

/** A link or image of the page to request, and where its finding points: worked out where the edition was built. */
export interface LinkTarget {
  url: string;
  kind: 'link' | 'image';
  location: Location;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONCURRENCY = 8;
const USER_AGENT = 'newsletter-check (link checker; +https://www.npmjs.com/package/newsletter)';

/** One run's options: its cache, and its limit on requests in flight, shared by every edition. */
export function liveLinkOptions(timeoutMs: number, concurrency = DEFAULT_CONCURRENCY): LiveLinkOptions {
  return { timeoutMs, concurrency, cache: new Map(), slot: limiter(concurrency) };
}

/** Every http(s) link and image a reader of the edition can reach, each once, with where it is written. */
export function linkTargets(built: BuiltEdition): LinkTarget[] {
  const targets = new Map<string, 'link' | 'image'>();
  for (const { href } of built.page.links) if (/^https?:\/\//i.test(href)) targets.set(href, 'link');
  // the edition's own local images are published with it: before that, their URLs cannot answer yet
  const published = new Set((built.edition.assets ?? []).map((asset) => asset.url));
  for (const img of built.page.images) {
    const src = img.attribs.src?.trim() ?? '';
    if (/^https?:\/\//i.test(src) && !targets.has(src) && !published.has(src)) targets.set(src, 'image');
  }
  return [...targets].map(([url, kind]) => ({ url, kind, location: locate(built, urlNeedles(url)) }));
}

/** Requests the targets (each URL once a run) and reports those that do not answer well, in order. */
export async function requestLinks(targets: LinkTarget[], options: LiveLinkOptions): Promise<Diagnostic[]> {
  const outcomes = await Promise.all(
    targets.map(({ url }) => {
      let outcome = options.cache.get(url);
      if (!outcome) options.cache.set(url, (outcome = options.slot(() => request(url, options.timeoutMs))));
      return outcome;
    }),
  );
  return targets.flatMap(({ url, kind, location }, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) return [];
    return [
      diag(
        'LINK_BROKEN',
        'error',
        `${kind} ${url} ${outcome.reason}`,
        location,
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

/** Runs each piece of work it is given once fewer than `size` run, in the order given. */
export function limiter(size: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next)
        next(); // its slot passes straight on
      else running--;
    }
  };
}
