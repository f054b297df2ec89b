// The strings table and its lookups: complete in every built-in language, plural forms by Intl.PluralRules,
// overrides before built-ins, English as the last resort, placeholders escaped as their caller asks.
import { describe, expect, it } from 'vitest';
import { STRING_KEYS, type StringKey } from '../../src/i18n/keys.js';
import { BUILT_IN } from '../../src/i18n/table.js';
import { choose, fill, lookup, missingKeys } from '../../src/i18n/translate.js';

const KEYS = Object.keys(STRING_KEYS) as StringKey[];
const phrase = (language: string, key: StringKey, count?: number) =>
  choose(lookup(language, key).phrase, language, count);

describe('the built-in strings', () => {
  it.each(Object.keys(BUILT_IN))('translate every key in %s', (language) => {
    expect(Object.keys(BUILT_IN[language]).sort()).toEqual([...KEYS].sort());
    expect(missingKeys(language)).toEqual([]);
  });

  const PLURAL_KEYS = KEYS.filter((key) => typeof BUILT_IN.en[key] === 'object');
  it.each(Object.keys(BUILT_IN))(
    'give each plural key a form for every plural category of %s',
    (language) => {
      expect(PLURAL_KEYS).toEqual(['min_read', 'archive_count']);
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const key of PLURAL_KEYS) {
        const forms = BUILT_IN[language][key];
        for (const category of categories)
          expect(typeof forms === 'string' || forms[category] !== undefined, `${key}.${category}`).toBe(true);
      }
    },
  );

  it('keep the placeholders English has', () => {
    for (const language of Object.keys(BUILT_IN))
      for (const key of KEYS) {
        const wanted =
          JSON.stringify(BUILT_IN.en[key])
            .match(/\{\w+\}/g)
            ?.filter((p) => p !== '{count}') ?? [];
        for (const placeholder of wanted)
          expect(JSON.stringify(BUILT_IN[language][key]), `${language}.${key}`).toContain(placeholder);
      }
  });

  it('choose Russian, Arabic and Polish plural forms', () => {
    expect([1, 3, 5, 21].map((n) => phrase('ru', 'min_read', n))).toEqual([
      '{count} минута чтения',
      '{count} минуты чтения',
      '{count} минут чтения',
      '{count} минута чтения',
    ]);
    expect([1, 2, 3, 11, 100].map((n) => phrase('ar', 'min_read', n))).toEqual([
      'دقيقة قراءة واحدة',
      'دقيقتا قراءة',
      '{count} دقائق قراءة',
      '{count} دقيقة قراءة',
      '{count} دقيقة قراءة',
    ]);
    expect(phrase('pl', 'min_read', 5)).toBe('{count} minut czytania');
    expect([1, 2, 5, 22].map((n) => phrase('uk', 'archive_count', n))).toEqual([
      '{count} випуск, спершу нові.',
      '{count} випуски, спершу нові.',
      '{count} випусків, спершу нові.',
      '{count} випуски, спершу нові.',
    ]);
    expect([1, 5].map((n) => phrase('en', 'min_read', n))).toEqual(['{count} min read', '{count} min read']);
  });
});

describe('lookup', () => {
  it('reads a region tag through its language, and the override before the built-in', () => {
    expect(phrase('pt-BR', 'unsubscribe')).toBe('Cancelar inscrição');
    expect(lookup('de-AT', 'unsubscribe', { 'de-AT': { unsubscribe: 'Abbestellen' } }).phrase).toBe(
      'Abbestellen',
    );
    expect(lookup('de-AT', 'unsubscribe', { de: { unsubscribe: 'Austragen' } }).phrase).toBe('Austragen');
  });

  it('falls back to English for a language it does not know, and says so', () => {
    expect(lookup('sw', 'unsubscribe')).toEqual({ phrase: 'Unsubscribe', fellBack: true });
    expect(missingKeys('sw')).toEqual(KEYS);
    expect(missingKeys('sw', { sw: { unsubscribe: 'Jiondoe' } })).not.toContain('unsubscribe');
    expect(lookup('en-GB', 'unsubscribe').fellBack).toBe(false);
  });
});

describe('fill', () => {
  const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  it('escapes the literal text and hands each value to its own function', () => {
    expect(fill('By {author} & co', { author: '<b>' }, html, (v) => `[${html(String(v))}]`)).toBe(
      'By [&lt;b>] &amp; co',
    );
  });
  it('leaves a placeholder with no value as it is', () => {
    expect(fill('Hi {name},', {}, (s) => s, String)).toBe('Hi {name},');
  });
});
