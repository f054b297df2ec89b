/**
 * Words in a piece of HTML or text, for reading time: whitespace-separated tokens that hold a letter or a
 * digit. Not the text part's count (checks/word-count.ts), which leaves URLs out and splits on punctuation.
 */
export function countReadingWords(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
