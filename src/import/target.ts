// Whether an import may request a URL: http(s) only and, unless private addresses are allowed, a host whose
// every resolved address (IPv4 and IPv6) is public. Checked before the first request and again at every
// redirect hop, so a public page cannot send the import to a loopback or intranet address.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress } from './private-address.js';

/** Why `url` may not be requested, or undefined when it may. */
export async function refusedTarget(
  url: string,
  allowPrivate: boolean,
  timeoutMs = 10_000,
): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `only http and https URLs can be imported, not ${parsed.protocol}`;
  if (allowPrivate) return undefined;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolveAll(host, timeoutMs);
  } catch (error) {
    return (error as Error).name === 'TimeoutError'
      ? `${host} did not resolve within ${timeoutMs / 1000} s`
      : `${host} does not resolve`;
  }
  const blocked = addresses.find(isPrivateAddress);
  if (blocked === undefined) return undefined;
  const what = blocked === host ? host : `${host} (${blocked})`;
  return `refused ${what}: a private or loopback address (--allow-private allows it)`;
}

/** Every address of `host` (dns.lookup, as the request itself will resolve it), or a TimeoutError. */
async function resolveAll(host: string, timeoutMs: number): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('lookup timed out'), { name: 'TimeoutError' })),
      timeoutMs,
    );
  });
  try {
    return (await Promise.race([lookup(host, { all: true, verbatim: true }), timeout])).map((a) => a.address);
  } finally {
    clearTimeout(timer);
  }
}
