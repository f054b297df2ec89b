// Which way a language is written. Intl.Locale's textInfo knows most languages, but not every script
// (Node 20 says Thaana, Dhivehi's script, is left-to-right, and ignores an explicit -Arab subtag), so a
// script named in the tag, and the languages the layouts promise, are decided by these tables first.
export type Direction = 'ltr' | 'rtl';

const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Intl.Locale and its maximize() cost more than the rest of a rule: each tag is decided once. */
const decided = new Map<string, Direction>();

export function directionOf(tag: string): Direction {
  let direction = decided.get(tag);
  if (direction === undefined) {
    if (decided.size >= 1000) decided.clear(); // tags come from writers' files: a long preview session
    decided.set(tag, (direction = decide(tag)));
  }
  return direction;
}

function decide(tag: string): Direction {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return 'ltr';
  }
  if (locale.script) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr';
  if (RTL_LANGUAGES.has(locale.language)) return 'rtl';
  const script = locale.maximize().script;
  if (script && RTL_SCRIPTS.has(script)) return 'rtl';
  const info = (locale as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

/** The side text starts from: "left" or "right". */
export const startSide = (direction: Direction): 'left' | 'right' => (direction === 'rtl' ? 'right' : 'left');
