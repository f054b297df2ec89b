// What a reader gets from an HTML part, to compare a platform's rendering with what `send` writes: the
// visible text (head, style and script left out, character references decoded, white space collapsed), the
// links, and Outlook's conditional comments.
import { Parser } from 'htmlparser2';

export interface Reading {
  text: string;
  links: string[];
  conditionalComments: number;
}

export function read(html: string): Reading {
  const words: string[] = [];
  const links: string[] = [];
  let conditionalComments = 0;
  let hidden = 0; // depth inside <head>, <style>, <script>
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'head' || name === 'style' || name === 'script') hidden++;
        if (name === 'a' && attributes.href !== undefined) links.push(attributes.href);
      },
      onclosetag(name) {
        if (name === 'head' || name === 'style' || name === 'script') hidden--;
      },
      ontext(text) {
        if (hidden === 0) words.push(text);
      },
      oncomment(comment) {
        if (/\[if [^\]]*\]|\[endif\]/.test(comment)) conditionalComments++;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { text: words.join('').replace(/\s+/g, ' ').trim(), links, conditionalComments };
}

/** A plain-text part as a reader compares it: line endings, trailing spaces and final blank lines aside. */
export const normaliseText = (text: string): string =>
  text
    .replace(/\r\n/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trimEnd();
