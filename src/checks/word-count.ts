// Words in a text, as TEXT_TOO_SHORT compares them: runs of letters and digits, with one apostrophe
// joining letters ("don't" is one word), after dropping every whitespace-separated token that holds a URL
// (a link list would otherwise pad the text part). The definition is two regular expressions, kept below
// as the reference; this is the same count in one pass without building the array of matches, which made
// the rule the costliest of a build's checks (test/checks/word-count.test.ts compares the two).
import { isSpace } from '../content/words.js';

/** The reference definition: what countWordsOutsideUrls returns, and what the test checks it against. */
export const wordCountByRegex = (text: string): number =>
  text.replace(/\S+:\/\/\S+/g, ' ').match(/[\p{L}\p{N}]+(['’][\p{L}]+)?/gu)?.length ?? 0;

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;

const enum Kind {
  Other,
  Letter,
  Number,
  Apostrophe,
}

const ASCII = new Uint8Array(128).map((_, code) =>
  /[a-z]/i.test(String.fromCharCode(code))
    ? Kind.Letter
    : /[0-9]/.test(String.fromCharCode(code))
      ? Kind.Number
      : code === 39
        ? Kind.Apostrophe
        : Kind.Other,
);

export function countWordsOutsideUrls(text: string): number {
  let count = 0;
  let index = 0;
  while (index < text.length) {
    while (index < text.length && isSpace(text.charCodeAt(index))) index++;
    // one whitespace-separated token, from start up to index (whitespace is never a surrogate pair)
    const start = index;
    let url = -1; // where the first "://" after the token's first character is
    for (; index < text.length && !isSpace(text.charCodeAt(index)); index++) {
      if (url === -1 && index > start && text.charCodeAt(index) === 58 && text.startsWith('://', index))
        url = index;
    }
    // a URL token has something before "://" and after it: the regex drops it whole
    if (url !== -1 && url + 3 < index) continue;
    count += wordsBetween(text, start, index);
  }
  return count;
}

/** [\p{L}\p{N}]+(['’]\p{L}+)? matched leftmost and greedy, code point by code point. */
function wordsBetween(text: string, start: number, end: number): number {
  let words = 0;
  let at = start;
  while (at < end) {
    let kind = kindAt(text, at);
    if (kind !== Kind.Letter && kind !== Kind.Number) {
      at += width(text, at);
      continue;
    }
    words++;
    while (at < end && ((kind = kindAt(text, at)) === Kind.Letter || kind === Kind.Number))
      at += width(text, at);
    // an apostrophe (one UTF-16 unit) joins the letters after it; with none, skipping it counts the same
    if (at < end && kind === Kind.Apostrophe) {
      at++;
      while (at < end && kindAt(text, at) === Kind.Letter) at += width(text, at);
    }
  }
  return words;
}

function kindAt(text: string, index: number): Kind {
  const unit = text.charCodeAt(index);
  if (unit < 128) return ASCII[unit] as Kind;
  if (unit === 0x2019) return Kind.Apostrophe;
  const char = String.fromCodePoint(text.codePointAt(index)!);
  return LETTER.test(char) ? Kind.Letter : NUMBER.test(char) ? Kind.Number : Kind.Other;
}

const width = (text: string, index: number): number => (text.codePointAt(index)! > 0xffff ? 2 : 1);
