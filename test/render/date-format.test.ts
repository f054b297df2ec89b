import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/render/date-format.js';

const fresh = (language: string, dateStyle: 'long' | 'medium', date: Date) =>
  new Intl.DateTimeFormat(language, { dateStyle, timeZone: 'UTC' }).format(date);

describe('formatDate', () => {
  it('keeps each formatted date apart by language, style and instant', () => {
    const dates = [
      new Date('2026-11-26T00:00:00Z'),
      new Date('2026-11-26T23:59:59Z'),
      new Date('1999-01-01T00:00:00Z'),
    ];
    // the same dates asked again in every combination: a key missing any part would hand back another's text
    for (let round = 0; round < 2; round++) {
      for (const language of ['en', 'fr', 'de']) {
        for (const style of ['long', 'medium'] as const) {
          for (const date of dates)
            expect(formatDate(language, style, date)).toBe(fresh(language, style, date));
        }
      }
    }
    expect(formatDate('fr', 'long', dates[0]!)).toBe('26 novembre 2026');
  });

  it('stays right after more dates than it keeps', () => {
    const start = Date.UTC(2000, 0, 1);
    const day = 86_400_000;
    for (let n = 0; n < 10_050; n++) formatDate('en', 'medium', new Date(start + n * day));
    for (const n of [0, 5_000, 10_049])
      expect(formatDate('en', 'medium', new Date(start + n * day))).toBe(
        fresh('en', 'medium', new Date(start + n * day)),
      );
  });
});
