// The edition page's query string: which subscriber (`?subscriber=`) and which platform (`?platform=`) the
// page and its email frame show. Anything else (an unknown name, a value given twice, a subscriber or
// platform the preview does not know) is refused with a message saying what it knows.
import type { Platform } from '../export/platform.js';
import { PLATFORM_NAMES } from '../export/registry.js';
import { findPlatform } from './platform-view.js';
import { DEFAULTS_KEY, type PreviewSubscriber } from './subscriber-view.js';

export interface Picks {
  subscriber: PreviewSubscriber;
  /** Absent: the edition as `send` writes it. */
  platform?: Platform;
}

const NAMES = new Set(['subscriber', 'platform']);

export function readPicks(
  rawUrl: string,
  subscribers: readonly PreviewSubscriber[],
): { picks: Picks } | { problem: string } {
  const at = rawUrl.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : rawUrl.slice(at + 1));
  for (const name of new Set(params.keys())) {
    if (!NAMES.has(name))
      return { problem: `unknown parameter "${name}": the page takes subscriber and platform` };
    if (params.getAll(name).length > 1) return { problem: `"${name}" is given more than once` };
  }
  const key = params.get('subscriber') ?? DEFAULTS_KEY;
  const subscriber = subscribers.find((s) => s.key === key);
  if (!subscriber)
    return {
      problem: `no subscriber "${key}": pick one of the page's list (the defaults, or an address of the recipients file)`,
    };
  const name = params.get('platform') ?? '';
  if (!name) return { picks: { subscriber } };
  const platform = findPlatform(name);
  if (!platform) return { problem: `no platform "${name}": one of ${PLATFORM_NAMES.join(', ')}` };
  return { picks: { subscriber, platform } };
}

/** The query string that asks for these picks again ('' for the page as it is by default). */
export function picksQuery({ subscriber, platform }: Picks): string {
  const params = new URLSearchParams();
  if (subscriber.key !== DEFAULTS_KEY) params.set('subscriber', subscriber.key);
  if (platform) params.set('platform', platform.name);
  const query = params.toString();
  return query ? `?${query}` : '';
}
