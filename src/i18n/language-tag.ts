// Whether a language tag is well-formed BCP 47 (Intl's parser decides) and names a language ("und" does not).
export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    // the 5-8 letter primary subtags BCP 47 reserves are never a real language: "english" is a typo
    const language = canonical === undefined ? '' : new Intl.Locale(canonical).language;
    return /^[a-z]{2,3}$/.test(language) && language !== 'und';
  } catch {
    return false;
  }
}

export const LANGUAGE_HINT = 'a BCP 47 language tag like en, pt-BR, zh-Hant or ar-EG';
