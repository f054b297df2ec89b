// Recipient-level fields (first name, email, unsubscribe URL...) as neutral tokens.
//
// Templates write `{{recipient "first_name" fallback="there"}}` or `{{unsubscribe_url}}`; the helpers emit a
// token made of private-use characters, which content can never contain (content/article.ts strips them) and
// which neither Handlebars nor MJML touch. After the build:
//   - build fills them with the config's defaults (so out/<slug>/index.html is a complete page),
//   - send fills them per test recipient,
//   - export rewrites them into each platform's merge tags.

export const RECIPIENT_FIELDS = [
  'first_name',
  'email',
  'unsubscribe_url',
  'preferences_url',
  'web_version_url',
  'postal_address',
] as const;
export type RecipientField = (typeof RECIPIENT_FIELDS)[number];

const OPEN = '\uE000';
const SEPARATOR = '\uE001';
const CLOSE = '\uE002';
const TOKEN = /\uE000([a-z_]+)(?:\uE001([^\uE002]*))?\uE002/g;

export const isRecipientField = (name: string): name is RecipientField =>
  (RECIPIENT_FIELDS as readonly string[]).includes(name);

export function token(field: RecipientField, fallback?: string): string {
  return fallback === undefined
    ? `${OPEN}${field}${CLOSE}`
    : `${OPEN}${field}${SEPARATOR}${encodeURIComponent(fallback)}${CLOSE}`;
}

export interface TokenUse {
  field: RecipientField;
  fallback?: string;
}

/** Replaces every token with what `replace` returns for it. */
export function replaceTokens(text: string, replace: (use: TokenUse) => string): string {
  return text.replace(TOKEN, (_, field: string, fallback: string | undefined) =>
    replace({
      field: field as RecipientField,
      fallback: fallback === undefined ? undefined : decodeURIComponent(fallback),
    }),
  );
}

export const hasTokens = (text: string): boolean => text.includes(OPEN);

export type RecipientValues = Partial<Record<RecipientField, string>>;

export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Fills tokens with a recipient's values, escaped for the HTML they land in (or as they are, in text). */
export function fillTokens(text: string, values: RecipientValues, context: 'html' | 'text'): string {
  return replaceTokens(text, ({ field, fallback }) => {
    const value = values[field]?.trim() || fallback || '';
    return context === 'html' ? escapeHtml(value) : value;
  });
}
