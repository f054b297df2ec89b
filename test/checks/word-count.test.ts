import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/corpus.js';
import { countWordsOutsideUrls, wordCountByRegex } from '../../src/checks/word-count.js';

// Every class of character the two definitions treat differently: ASCII and other letters and digits,
// astral letters (two UTF-16 units), combining marks (neither letter nor digit), both apostrophes, all
// kinds of whitespace JavaScript's \s knows, and the pieces of "://".
const PIECES = [
  'a',
  'Z',
  'é',
  'ß',
  '日',
  '本',
  '𝐀',
  '𝟘',
  '٣',
  '7',
  '0',
  '\u0301',
  "'",
  '’',
  '‘',
  ' ',
  '\n',
  '\t',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u2028',
  ':',
  '/',
  '//',
  '://',
  'https://x',
  '.',
  '-',
  '(',
  ')',
  '[1]',
  '😀',
  '\ud800',
];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 40);
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe('countWordsOutsideUrls', () => {
  it('counts as the reference regular expressions do, on 20,000 seeded random texts', () => {
    const next = random(7);
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(next);
      expect(countWordsOutsideUrls(text), JSON.stringify(text)).toBe(wordCountByRegex(text));
    }
  });

  it('splits on exactly the whitespace \\s matches, checked for every code point of the BMP', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const text = `a${String.fromCharCode(code)}b c://${String.fromCharCode(code)}d`;
      if (countWordsOutsideUrls(text) !== wordCountByRegex(text))
        expect(countWordsOutsideUrls(text), `U+${code.toString(16)}`).toBe(wordCountByRegex(text));
    }
  });

  it('counts a real text part, with its link list, as the regex does', () => {
    const text = readFileSync(
      new URL('../golden/build/sample/kursk-talks/index.txt', import.meta.url),
      'utf8',
    );
    expect(countWordsOutsideUrls(text)).toBeGreaterThan(300);
    expect(countWordsOutsideUrls(text)).toBe(wordCountByRegex(text));
  });

  it.each([
    ["don't stop", 2],
    ['rock’n’roll', 2],
    ['see https://example.org/a now', 2],
    ['://alone stays', 2],
    ['x:// y', 2],
    ['ab12cd', 1],
    ['日本語 テキスト', 2],
  ])('%j has %i words', (text, words) => {
    expect(countWordsOutsideUrls(text)).toBe(words);
    expect(wordCountByRegex(text)).toBe(words);
  });
});
