// What the preview server refuses before routing: foreign Host headers (DNS rebinding) and paths that try
// to climb out of what it serves (dot segments, encoded or double-encoded separators, backslashes, NUL).

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]']);
const IP_LITERAL = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/** The host name of a Host header ("localhost:4000" -> "localhost", "[::1]:4000" -> "[::1]"). */
const hostName = (header: string): string => header.trim().toLowerCase().replace(/:\d+$/, '');

/**
 * A page on another site can point its own domain name at 127.0.0.1 and then read our answers as
 * same-origin: refusing every Host but our address and localhost defeats that. When bound to every
 * interface (--host 0.0.0.0, to preview from a phone), any IP literal is fine too: rebinding needs a name.
 */
export function isAllowedHost(header: string | undefined, boundHost: string): boolean {
  if (!header) return false;
  const name = hostName(header);
  const bound =
    boundHost.toLowerCase().includes(':') && !boundHost.startsWith('[')
      ? `[${boundHost.toLowerCase()}]`
      : boundHost.toLowerCase();
  if (LOCAL_NAMES.has(name) || name === bound) return true;
  return ANY_ADDRESS.has(bound) && IP_LITERAL.test(name);
}

/**
 * The path of a request URL as decoded segments, or undefined when it must not be served. Decoding
 * happens once; anything still encoded after that (%252f -> %2f) is refused rather than decoded again,
 * so no later step can turn it into a separator.
 */
export function pathSegments(rawUrl: string): string[] | undefined {
  const path = rawUrl.split('?')[0]!;
  if (!path.startsWith('/') || /[\\\0]|%(?:00|5c)/i.test(path)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (/[\\\0%]/.test(decoded)) return undefined;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return undefined;
  return segments;
}
