// Looks a template string up for a language and fills it in. Order: the config's `strings` for the exact
// tag, then for its primary language, then the built-in table for that language, then English.
import { STRING_KEYS, type Phrase, type StringKey, type Strings } from './keys.js';
import { BUILT_IN, FALLBACK_LANGUAGE } from './table.js';

/** Config overrides, by language tag as written (the config's flat `strings` sit under its language). */
export type StringOverrides = Record<string, Partial<Strings>>;

const primary = (language: string) => language.split('-')[0].toLowerCase();

function candidates(language: string): string[] {
  return [...new Set([language, primary(language)])];
}

/** The phrase for a key, and whether it came from English because the language has none. */
export function lookup(
  language: string,
  key: StringKey,
  overrides: StringOverrides = {},
): { phrase: Phrase; fellBack: boolean } {
  for (const tag of candidates(language)) {
    const phrase = overrides[tag]?.[key] ?? BUILT_IN[tag]?.[key];
    if (phrase !== undefined) return { phrase, fellBack: false };
  }
  const phrase = overrides[FALLBACK_LANGUAGE]?.[key] ?? BUILT_IN[FALLBACK_LANGUAGE][key];
  return { phrase, fellBack: primary(language) !== FALLBACK_LANGUAGE };
}

/** The keys a language has no translation for (they fall back to English). */
export function missingKeys(language: string, overrides: StringOverrides = {}): StringKey[] {
  return (Object.keys(STRING_KEYS) as StringKey[]).filter((key) => lookup(language, key, overrides).fellBack);
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, language: string, make: () => T): T {
  let value = map.get(language);
  if (!value) map.set(language, (value = make()));
  return value;
}

/** The phrase's form for `count` (its plural category in that language), or the phrase itself. */
export function choose(phrase: Phrase, language: string, count?: number): string {
  if (typeof phrase === 'string') return phrase;
  const rules = cached(pluralRules, language, () => new Intl.PluralRules(language));
  const category = count === undefined ? 'other' : rules.select(count);
  return phrase[category] ?? phrase.other ?? Object.values(phrase)[0] ?? '';
}

export const formatCount = (count: number, language: string): string =>
  cached(numberFormats, language, () => new Intl.NumberFormat(language)).format(count);

/**
 * Replaces {name} placeholders. Literal text goes through `escape`; each value through `value`, so the
 * caller decides (HTML-escape, leave a SafeString alone, isolate it). Unknown placeholders stay.
 */
export function fill(
  text: string,
  values: Record<string, unknown>,
  escape: (literal: string) => string,
  value: (v: unknown) => string,
): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    if (!Object.hasOwn(values, match[1])) continue;
    out += escape(text.slice(from, match.index)) + value(values[match[1]]);
    from = match.index + match[0].length;
  }
  return out + escape(text.slice(from));
}

/**
 * A key's phrase in the language, in its plural form for `count` (written in the language's digits), filled
 * in through `escape` and `value` as fill() does.
 */
export function translate(
  language: string,
  key: StringKey,
  overrides: StringOverrides | undefined,
  { values = {}, count }: { values?: Record<string, unknown>; count?: number | undefined },
  escape: (literal: string) => string,
  value: (v: unknown) => string,
): string {
  const text = choose(lookup(language, key, overrides).phrase, language, count);
  const filled = count === undefined ? values : { ...values, count: formatCount(count, language) };
  return fill(text, filled, escape, value);
}
