// Reads the config's `strings`: { key: phrase } for the config's language, or { "<tag>": { key: phrase } }.
// A key the layouts never ask for is a warning naming it and the known keys (a typo loses nothing else).
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isStringKey, STRING_KEYS, type Phrase, type Strings } from './keys.js';
import { isLanguageTag } from './language-tag.js';
import type { StringOverrides } from './translate.js';

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

function isPhrase(value: unknown): value is Phrase {
  if (typeof value === 'string') return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(([k, v]) => PLURAL_CATEGORIES.includes(k) && typeof v === 'string')
  );
}

export function validateStrings(
  value: unknown,
  language: string,
  at: (key: string) => { file: string; line?: number },
): { strings?: StringOverrides; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      diagnostics: [diag('CONFIG_INVALID', 'error', '"strings" must be an object of phrases', at('strings'))],
    };
  }
  const strings: StringOverrides = {};
  const read = (tag: string, key: string, phrase: unknown, label: string) => {
    if (!isStringKey(key)) {
      diagnostics.push(
        diag(
          'LANG_STRINGS_UNKNOWN_KEY',
          'warning',
          `unknown template string "${label}"`,
          at(key),
          `known keys: ${Object.keys(STRING_KEYS).join(', ')}`,
        ),
      );
    } else if (!isPhrase(phrase)) {
      diagnostics.push(
        diag(
          'CONFIG_INVALID',
          'error',
          `"${label}" must be text, or a map of plural categories (${PLURAL_CATEGORIES.join(', ')}) to text`,
          at(key),
        ),
      );
    } else {
      (strings[tag] ??= {} as Partial<Strings>)[key] = phrase;
    }
  };
  for (const [key, phrase] of Object.entries(value)) {
    const byLanguage =
      !isStringKey(key) && isLanguageTag(key) && typeof phrase === 'object' && phrase !== null;
    if (!byLanguage) {
      read(language, key, phrase, `strings.${key}`);
      continue;
    }
    for (const [inner, innerPhrase] of Object.entries(phrase as Record<string, unknown>))
      read(key, inner, innerPhrase, `strings.${key}.${inner}`);
  }
  return { strings, diagnostics };
}
