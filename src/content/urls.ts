// Which URLs may appear in an email: http, https and mailto, nothing else.

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** True for an absolute http(s)/mailto URL. Control characters and whitespace tricks are stripped first,
 *  the same way browsers do, so "java\tscript:" and " JAVASCRIPT:" are judged by what they really are. */
export function isSafeUrl(value: string): boolean {
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  try {
    return SAFE_SCHEMES.has(new URL(cleaned).protocol);
  } catch {
    return false;
  }
}

export const isWebUrl = (value: string): boolean => isSafeUrl(value) && /^https?:/i.test(value.trim());

/** A URL with no scheme at all ("/about", "page.html", "#top"): allowed through sanitising, flagged by `check`. */
export const hasScheme = (value: string): boolean =>
  /^[a-z][a-z0-9+.-]*:/i.test(value.replace(/[\u0000-\u0020]/g, ''));

/** A src that names a local file (resolved by assets/): no scheme, not protocol-relative. */
export const isLocalRef = (src: string): boolean =>
  src.trim() !== '' && !hasScheme(src) && !src.trim().startsWith('//');

/** Schemes that run code or carry a document when a template puts the value in an href or src. */
const SCRIPTING_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:']);

/**
 * True when a free-text value (an unknown front matter key, which a custom template may use as a link)
 * would be a scripting URL in an href: judged as browsers read it (outer whitespace and control
 * characters trimmed, tabs and newlines removed anywhere).
 */
export function isScriptingUrl(value: string): boolean {
  const read = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(read)?.[1]?.toLowerCase();
  return scheme !== undefined && SCRIPTING_SCHEMES.has(scheme);
}
