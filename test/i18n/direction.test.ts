// Direction from a language tag, and which tags are languages at all.
import { describe, expect, it } from 'vitest';
import { directionOf } from '../../src/i18n/direction.js';
import { isLanguageTag } from '../../src/i18n/language-tag.js';

describe('directionOf', () => {
  it.each([
    'ar',
    'he',
    'fa',
    'ur',
    'ps',
    'sd',
    'ug',
    'yi',
    'dv',
    'ckb',
    'ar-EG',
    'he-IL',
    'az-Arab',
    'pa-Arab',
    'iw',
  ])('%s is right to left', (tag) => expect(directionOf(tag)).toBe('rtl'));
  it.each(['en', 'de', 'ja', 'zh-Hant', 'ru', 'hi', 'ar-Latn', 'uz-Latn', 'tr'])(
    '%s is left to right',
    (tag) => expect(directionOf(tag)).toBe('ltr'),
  );
});

describe('isLanguageTag', () => {
  it.each(['en', 'pt-BR', 'zh-Hant-TW', 'ckb', 'sr-Latn', 'de-CH-1996'])('accepts %s', (tag) =>
    expect(isLanguageTag(tag)).toBe(true),
  );
  it.each(['', 'und', 'english', 'en_US', 'e', 'xx-!', 42])('refuses %s', (tag) =>
    expect(isLanguageTag(tag)).toBe(false),
  );
});
