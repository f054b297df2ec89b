// ReadingWords (counting words as HTML is written) against countReadingWords (counting them in the HTML).
import { describe, expect, it } from 'vitest';
import { random } from '../../bench/corpus.js';
import { parseArticle } from '../../src/content/article.js';
import { escapeHtml } from '../../src/content/text-article.js';
import { countReadingWords, ReadingWords } from '../../src/content/words.js';

// Letters and digits (astral ones too), marks and punctuation that are neither, every kind of whitespace
// JavaScript's \s knows and some it does not, and the characters HTML writes as entities.
const PIECES = [
  'a',
  'Z',
  'é',
  '日',
  '𝐀',
  '𝟘',
  '٣',
  '7',
  '\u0301',
  "'",
  '’',
  '-',
  ';',
  '#',
  '&',
  '<',
  '>',
  '"',
  'amp;',
  '&amp;',
  ' ',
  '\n',
  '\t',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u2028',
  '\u202f',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\u0085',
  '\ud800',
  '\udc00',
];

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('reading words counted as HTML is written', () => {
  it('equals countReadingWords of the HTML, for text with and without escaped quotes, between tags', () => {
    const rand = random(5);
    for (let n = 0; n < 3000; n++) {
      const quotes = rand() < 0.5;
      const words = new ReadingWords(quotes);
      let html = '';
      for (let run = 0; run < 1 + Math.floor(rand() * 4); run++) {
        const text = Array.from(
          { length: Math.floor(rand() * 12) },
          () => PIECES[Math.floor(rand() * PIECES.length)],
        ).join('');
        words.text(text);
        html += quotes ? escapeHtml(text) : escapeText(text);
        if (rand() < 0.7) {
          words.tag();
          html += rand() < 0.5 ? '<b title="a &amp; b">' : '</p>';
        }
      }
      words.tag();
      expect({ html, count: words.count }).toEqual({ html, count: countReadingWords(html) });
    }
  });

  it('gives a plain-text article countReadingWords of its HTML', async () => {
    const rand = random(9);
    for (let n = 0; n < 300; n++) {
      const body = Array.from({ length: 2 + Math.floor(rand() * 4) }, () =>
        Array.from(
          { length: 1 + Math.floor(rand() * 30) },
          () => PIECES[Math.floor(rand() * PIECES.length)],
        ).join(''),
      ).join('\n\n');
      const { article } = await parseArticle(
        new TextEncoder().encode(`---\ntitle: T\n---\nA body line, then.\n\n${body}\n`),
        'content/e/01-a.txt',
      );
      if (!article) continue;
      expect({ html: article.html, words: article.wordCount }).toEqual({
        html: article.html,
        words: countReadingWords(article.html),
      });
    }
  });
});
