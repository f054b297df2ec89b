/**
 * Words in a piece of HTML or text, for reading time: whitespace-separated tokens that hold a letter or a
 * digit. Not the text part's count (checks/word-count.ts), which leaves URLs out and splits on punctuation.
 */
export function countReadingWords(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const ALPHANUMERIC = /[\p{L}\p{N}]/u;
const ASCII_ALPHANUMERIC = new Uint8Array(128).map((_, code) =>
  /[a-z0-9]/i.test(String.fromCharCode(code)) ? 1 : 0,
);

/** What \s matches in a JavaScript regular expression (never a surrogate): test/checks/word-count.test.ts
 * checks every BMP code point. */
export function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * countReadingWords of HTML being written, counted from what is written into it: text before escaping, and
 * a break wherever a tag stands. A character the HTML writes as an entity reads as a space there (the
 * count replaces entities with spaces): & < > always, and " when `quotes` (escaped in text too).
 */
export class ReadingWords {
  count = 0;
  private inWord = false;
  private alphanumeric = false;

  constructor(private readonly quotes: boolean) {}

  text(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isSpace(code) || code === 38 || code === 60 || code === 62 || (code === 34 && this.quotes)) {
        this.tag();
        continue;
      }
      this.inWord = true;
      if (this.alphanumeric) continue;
      if (code < 128) this.alphanumeric = ASCII_ALPHANUMERIC[code] === 1;
      else this.alphanumeric = ALPHANUMERIC.test(String.fromCodePoint(text.codePointAt(i)!));
    }
  }

  /** A tag (or the end): the word being read, if any, ends here. */
  tag(): void {
    if (this.inWord && this.alphanumeric) this.count++;
    this.inWord = false;
    this.alphanumeric = false;
  }
}
