// Validates the optional "utm" config group: { source, medium?, campaign?, content?, skipDomains? }.
// Tracking stays off unless the group is present; a group without a source is an error, not a silent no-op.
import type { Utm } from '../config/config.js';

type Problem = (key: string, message: string) => void;
type UnknownKey = (name: string, known: string[], key: string) => void;

const KNOWN = ['source', 'medium', 'campaign', 'content', 'skipDomains'];
// Parameter values go into every tracked URL: keep them to what needs no explaining in a query string.
const PARAMETER = /^[\w.~-]+$/;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

export function validateUtm(value: unknown, problem: Problem, unknownKey: UnknownKey): Utm | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problem('utm', '"utm" must be an object like {"source": "newsletter", "medium": "email"}');
    return undefined;
  }
  const input = value as Record<string, unknown>;
  let ok = true;
  const parameter = (key: string, required: boolean): string | undefined => {
    const v = input[key];
    if (v === undefined && !required) return undefined;
    if (typeof v === 'string' && PARAMETER.test(v)) return v;
    problem(
      Object.hasOwn(input, key) ? key : 'utm',
      `"utm.${key}" must be letters, digits, "-", "_", "." or "~", got ${JSON.stringify(v)}`,
    );
    ok = false;
    return undefined;
  };
  const source = parameter('source', true);
  const medium = parameter('medium', false) ?? 'email';
  const campaign = parameter('campaign', false);
  if (input.content !== undefined && typeof input.content !== 'boolean') {
    problem('content', `"utm.content" must be true or false, got ${JSON.stringify(input.content)}`);
    ok = false;
  }
  const skipDomains = input.skipDomains ?? [];
  if (!Array.isArray(skipDomains) || !skipDomains.every((d) => typeof d === 'string' && DOMAIN.test(d))) {
    problem(
      'skipDomains',
      `"utm.skipDomains" must be a list of domain names like ["example.org"], got ${JSON.stringify(input.skipDomains)}`,
    );
    ok = false;
  }
  for (const key of Object.keys(input)) {
    if (!KNOWN.includes(key))
      unknownKey(
        `utm.${key}`,
        KNOWN.map((k) => `utm.${k}`),
        key,
      );
  }
  if (!ok || source === undefined) return undefined;
  return {
    source,
    medium,
    ...(campaign ? { campaign } : {}),
    content: (input.content as boolean | undefined) ?? true,
    skipDomains: (skipDomains as string[]).map((d) => d.toLowerCase()),
  };
}
