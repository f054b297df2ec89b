// Words that mix scripts: Latin letters with a Cyrillic or Greek look-alike among them ("Applе" with a
// Cyrillic "е"), or the reverse. Spam uses them to slip words past filters; in a newsletter they are nearly
// always a slip of the keyboard layout, invisible to the eye. SpamAssassin's MIXED_ES counts such letters
// over the whole message; this finds the words a writer can retype, in the files they come from.
import { lineColumnAt } from '../content/text.js';
import type { BuiltEdition } from './rule.js';

type Script = 'Latin' | 'Cyrillic' | 'Greek';

const SCRIPTS: [Script, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];

const WORD = /[\p{L}\p{M}]+/gu;

/** Letters that look alike across scripts (Latin, Cyrillic, Greek), so a mixed word can be given back in one. */
const LOOK_ALIKES = [
  'aа',
  'cс',
  'eе',
  'ëё',
  'oоο',
  'pрρ',
  'xх',
  'yу',
  'iі',
  'jј',
  'sѕ',
  'dԁ',
  'hһ',
  'qԛ',
  'wԝ',
  'vν',
  'AАΑ',
  'BВΒ',
  'CС',
  'EЕΕ',
  'HНΗ',
  'IІΙ',
  'JЈ',
  'KКΚ',
  'MМΜ',
  'NΝ',
  'OОΟ',
  'PРΡ',
  'SЅ',
  'TТΤ',
  'XХΧ',
  'YҮΥ',
  'ZΖ',
];

export interface MixedWord {
  word: string;
  /** The script most of its letters are in. */
  main: Script;
  /** The letters of other scripts, each once, as "Cyrillic "е" (U+0435)". */
  odd: string[];
  /** The word in its main script, when every odd letter has a look-alike there. */
  fixed?: string;
}

export const scriptOf = (letter: string): Script | undefined =>
  SCRIPTS.find(([, re]) => re.test(letter))?.[0];

const codePoint = (letter: string) =>
  `U+${letter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const lookAlike = (letter: string, script: Script): string | undefined =>
  [...(LOOK_ALIKES.find((group) => group.includes(letter)) ?? '')].find((l) => scriptOf(l) === script);

/** A word whose letters are in more than one of the Latin, Cyrillic and Greek scripts; undefined if not. */
export function mixedWord(word: string): MixedWord | undefined {
  const letters = [...word].map((letter) => ({ letter, script: scriptOf(letter) }));
  const counts = new Map<Script, number>();
  for (const { script } of letters) if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  // the main script has the most letters; on a tie, Latin, then Cyrillic (the order of SCRIPTS)
  const main = SCRIPTS.map(([s]) => s).reduce((a, b) =>
    (counts.get(b) ?? 0) > (counts.get(a) ?? 0) ? b : a,
  );
  const odd = letters.filter((l) => l.script && l.script !== main);
  const fixed = odd.every((l) => lookAlike(l.letter, main))
    ? letters.map((l) => (l.script && l.script !== main ? lookAlike(l.letter, main)! : l.letter)).join('')
    : undefined;
  return {
    word,
    main,
    odd: [...new Set(odd.map((l) => `${l.script} "${l.letter}" (${codePoint(l.letter)})`))],
    ...(fixed ? { fixed } : {}),
  };
}

export interface MixedWordFound extends MixedWord {
  file: string;
  line: number;
  column: number;
}

/**
 * Mixed words in the edition's files (content, then templates, then the config) that reach the message: each
 * word once, where it is first written.
 */
export function mixedWords(
  built: Pick<BuiltEdition, 'sources' | 'text' | 'html' | 'message'>,
): MixedWordFound[] {
  const found = new Map<string, MixedWordFound>();
  const inMessage = (word: string) =>
    built.message.subject.includes(word) || built.text.includes(word) || built.html.includes(word);
  for (const source of built.sources) {
    for (const match of source.text.matchAll(WORD)) {
      if (found.has(match[0])) continue;
      const mixed = mixedWord(match[0]);
      if (mixed && inMessage(match[0]))
        found.set(match[0], { ...mixed, file: source.file, ...lineColumnAt(source.text, match.index) });
    }
  }
  return [...found.values()];
}
