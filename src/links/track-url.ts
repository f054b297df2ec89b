// One link, tracked: UTM parameters appended to an http(s) URL, or the URL unchanged when it must stay as
// written. Pure, so the same rule holds for the HTML part, the text part, preview, send and export.
import type { Utm } from '../config/config.js';

export interface TrackingParameters {
  source: string;
  medium: string;
  campaign: string;
  /** utm_content, when per-link content is on. */
  content?: string;
}

/** Links we never touch, with the reason (tests and `--debug` readers want to know which rule hit). */
export type SkipReason = 'not-web' | 'merge-tag' | 'unsubscribe' | 'already-tracked' | 'blocked-domain';

// Template syntax of any mailing platform, or one of our recipient tokens: the link is personalised
// downstream, and appending to it could break the tag.
const MERGE_TAG = /\{\{|\{%|\*\||%[A-Za-z_][\w.]{2,}%|[\uE000-\uE00F]/;

export function skipReason(url: string, utm: Utm, unsubscribeUrls: string[]): SkipReason | undefined {
  if (MERGE_TAG.test(url)) return 'merge-tag';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not-web';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not-web';
  if (unsubscribeUrls.some((u) => url.startsWith(u)) || isUnsubscribePath(parsed)) return 'unsubscribe';
  if ([...parsed.searchParams.keys()].some((k) => k.toLowerCase().startsWith('utm_')))
    return 'already-tracked';
  const host = parsed.hostname.toLowerCase();
  if (utm.skipDomains.some((d) => host === d || host.endsWith(`.${d}`))) return 'blocked-domain';
  return undefined;
}

/** "/unsubscribe", "/list/unsubscribe.php?id=1", "?unsubscribe=1"; not an article called "/one-click-unsubscribe". */
const isUnsubscribePath = (url: URL): boolean =>
  url.pathname.split('/').some((segment) => /^(?:unsubscribe|unsub|opt-?out)(?:\.\w+)?$/i.test(segment)) ||
  [...url.searchParams.keys()].some((k) => /^(?:unsubscribe|unsub)$/i.test(k));

/** Appends the parameters before any #fragment, leaving the rest of the URL byte for byte as written. */
export function appendParameters(url: string, parameters: TrackingParameters): string {
  const hash = url.indexOf('#');
  const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const query = [
    ['utm_source', parameters.source],
    ['utm_medium', parameters.medium],
    ['utm_campaign', parameters.campaign],
    ...(parameters.content === undefined ? [] : [['utm_content', parameters.content]]),
  ]
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  const separator = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return `${base}${separator}${query}${fragment}`;
}

export function trackUrl(
  url: string,
  utm: Utm,
  parameters: TrackingParameters,
  unsubscribeUrls: string[],
): string {
  return skipReason(url, utm, unsubscribeUrls) ? url : appendParameters(url, parameters);
}
