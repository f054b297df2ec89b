import { describe, expect, it } from 'vitest';
import { mixedWord, mixedWords } from '../../src/checks/mixed-script.js';

describe('words that mix scripts', () => {
  it('finds a Cyrillic look-alike among Latin letters, and gives the word back in Latin', () => {
    expect(mixedWord('Applе')).toEqual({
      word: 'Applе',
      main: 'Latin',
      odd: ['Cyrillic "е" (U+0435)'],
      fixed: 'Apple',
    });
    expect(mixedWord('NАSА')).toMatchObject({ main: 'Latin', fixed: 'NASA' });
  });

  it('finds Latin look-alikes among Cyrillic letters', () => {
    expect(mixedWord('нeдeля')).toEqual({
      word: 'нeдeля',
      main: 'Cyrillic',
      odd: ['Latin "e" (U+0065)'],
      fixed: 'неделя',
    });
  });

  it('names letters without a look-alike, and gives no fixed word then', () => {
    expect(mixedWord('Ωmega')).toEqual({ word: 'Ωmega', main: 'Latin', odd: ['Greek "Ω" (U+03A9)'] });
  });

  it.each(['Netflix', 'неделя', 'café', 'Ελλάδα', 'naïve', '東京'])('leaves %s alone', (word) => {
    expect(mixedWord(word)).toBeUndefined();
  });

  it('points at the first place each word is written, if it reaches the message', () => {
    const built = {
      sources: [
        { file: 'content/a/01.md', text: '---\ntitle: Новости\n---\nНовый iPhоne и Applе.\nСнова Applе.\n' },
        { file: 'templates/default.mjml.hbs', text: 'Applе Tеxt' },
      ],
      text: 'Новый iPhоne и Applе. Снова Applе.',
      html: '<p>Новый iPhоne и Applе.</p>',
      message: { subject: 'Новости' },
    };
    expect(mixedWords(built as Parameters<typeof mixedWords>[0])).toEqual([
      expect.objectContaining({
        word: 'iPhоne',
        fixed: 'iPhone',
        file: 'content/a/01.md',
        line: 4,
        column: 7,
      }),
      expect.objectContaining({ word: 'Applе', file: 'content/a/01.md', line: 4, column: 16 }),
    ]);
  });
});
