// Reads the known front matter fields of an article (edition/article-fields.ts), checking each by its
// kind; unknown keys pass through to templates.
import { diag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import {
  ARTICLE_FIELDS,
  FIELD_BY_KEY,
  type ArticleFieldName,
  type ArticleFieldValues,
} from '../edition/article-fields.js';
import { isLanguageTag, LANGUAGE_HINT } from '../i18n/language-tag.js';
import { splitFrontMatter, type FrontMatter } from './front-matter.js';
import { isLocalRef, isScriptingUrl, isWebUrl } from './urls.js';

export type ArticleFields = ArticleFieldValues & { extra: Record<string, unknown> };

/** An article file's front matter and its known fields, with the problems of both (front matter's first);
 * undefined fields when the front matter itself is broken. What both article formats start with. */
export function readArticleFront(
  text: string,
  file: string,
): { front: FrontMatter; fields?: ArticleFields; diagnostics: Diagnostic[] } {
  const front = splitFrontMatter(text, file);
  if (hasErrors(front.diagnostics)) return { front, diagnostics: front.diagnostics };
  const { fields, diagnostics } = readArticleFields(front.data, file, text);
  return { front, fields, diagnostics: [...front.diagnostics, ...diagnostics] };
}

export function readArticleFields(
  data: Record<string, unknown>,
  file: string,
  source: string,
): { fields: ArticleFields; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (key: string) => ({ file, ...keyPosition(source, key) });
  const fields: ArticleFields = { tags: [], extra: {} };
  // the table checks a value's kind; TypeScript cannot follow a name through it
  const set = (name: ArticleFieldName, value: string | string[]) =>
    ((fields as Record<string, unknown>)[name] = value);

  for (const [key, value] of Object.entries(data)) {
    const name = FIELD_BY_KEY.get(key);
    if (name === undefined) {
      const unsafe = unsafeExtra(key, value, at(key));
      if (unsafe) diagnostics.push(unsafe);
      else fields.extra[key] = value;
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    const { kind } = ARTICLE_FIELDS[name];
    if (kind === 'words') {
      const tags = Array.isArray(value) ? value : [value];
      if (tags.every((t) => typeof t === 'string' || typeof t === 'number')) set(name, tags.map(String));
      else diagnostics.push(diag('FRONT_MATTER_FIELD', 'error', `"${key}" must be a list of words`, at(key)));
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      diagnostics.push(
        diag(
          'FRONT_MATTER_FIELD',
          'error',
          `"${key}" must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`,
          at(key),
        ),
      );
      continue;
    }
    const text = String(value).trim();
    // a local lead image is resolved against the article's file later (assets/edition-assets.ts)
    if (kind === 'url' && !isWebUrl(text) && !(key === 'image' && isLocalRef(text))) {
      diagnostics.push(
        diag(
          'UNSAFE_URL',
          'warning',
          `dropped "${key}": only http and https URLs are allowed, got "${text.slice(0, 40)}"`,
          at(key),
        ),
      );
      continue;
    }
    if (kind === 'date' && !isValidDate(text)) {
      diagnostics.push(diag('DATE_INVALID', 'error', `"${text}" is not a date (use YYYY-MM-DD)`, at(key)));
      continue;
    }
    if (kind === 'language' && !isLanguageTag(text)) {
      diagnostics.push(
        diag('LANG_UNKNOWN', 'error', `"${text}" is not a language tag (${LANGUAGE_HINT})`, at(key)),
      );
      continue;
    }
    set(name, text);
  }
  return { fields, diagnostics };
}

/**
 * An unknown key is free text for custom templates, which may put it in an href: it is dropped, with this
 * warning, when it holds a scripting URL anywhere (a list or a map inside too).
 */
export function unsafeExtra(
  key: string,
  value: unknown,
  at: { file: string; line?: number; column?: number },
): Diagnostic | undefined {
  if (!containsScriptingUrl(value)) return undefined;
  return diag(
    'UNSAFE_URL',
    'warning',
    `dropped "${key}": it holds a javascript:, vbscript: or data: URL`,
    at,
  );
}

function containsScriptingUrl(value: unknown): boolean {
  if (typeof value === 'string') return isScriptingUrl(value);
  if (Array.isArray(value)) return value.some(containsScriptingUrl);
  if (value && typeof value === 'object') return Object.values(value).some(containsScriptingUrl);
  return false;
}

export const isValidDate = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) &&
  !Number.isNaN(Date.parse(text));

/** Line and column of `key:` in the front matter, for diagnostics. */
export function keyPosition(source: string, key: string): { line?: number; column?: number } {
  const lines = source.split('\n');
  const pattern = new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index < 0 ? {} : { line: index + 1, column: lines[index].indexOf(key) + 1 };
}
