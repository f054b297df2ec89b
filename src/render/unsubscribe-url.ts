// The configured unsubscribe URL may name recipient fields (`https://x.test/u?e={{email}}&id={{recipient "id"}}`)
// so that one POST (RFC 8058 one-click) says who leaves. The URL is config, not a template: only these two
// forms are read, and each value is filled URL-encoded, so a recipient's field can never add a parameter.
import { RECIPIENT_FIELDS } from './tokens.js';

const FIELD = /\{\{\s*(?:recipient\s+"([\w-]+)"|([a-z_]+))\s*\}\}/g;

/** Fields that say nothing about who the recipient is: a URL holding only these identifies nobody. */
const ANONYMOUS = new Set([
  'first_name',
  'postal_address',
  'preferences_url',
  'web_version_url',
  'unsubscribe_url',
]);

/** The recipient fields the URL names, in order. */
export function urlFields(template: string): string[] {
  return [...template.matchAll(FIELD)].map((m) => m[1] ?? m[2]!);
}

/** A `{{…}}` the URL holds that is neither `{{field}}` of a recipient field nor `{{recipient "name"}}`. */
export function urlProblem(template: string): string | undefined {
  const unknown = [...template.matchAll(FIELD)].find(
    (m) => m[2] !== undefined && !(RECIPIENT_FIELDS as readonly string[]).includes(m[2]),
  );
  if (unknown) return `{{${unknown[2]}}} is not a recipient field (write {{recipient "${unknown[2]}"}})`;
  if (/\{\{|\}\}/.test(template.replace(FIELD, ''))) return 'a {{…}} that is not a recipient field';
  return undefined;
}

/** True when, once filled, the URL tells one recipient from another. */
export const identifiesRecipient = (template: string): boolean =>
  urlFields(template).some((field) => !ANONYMOUS.has(field));

/** The URL with each named field filled, URL-encoded; a field the recipient lacks is left empty. */
export const fillUrl = (template: string, values: Readonly<Record<string, string | undefined>>): string =>
  template.replace(FIELD, (_, custom: string | undefined, known: string | undefined) =>
    encodeURIComponent(values[custom ?? known!]?.trim() ?? ''),
  );
