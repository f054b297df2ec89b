// The built-in strings table: one file per language under strings/, all read through here.
import type { Strings } from './keys.js';
import { ar } from './strings/ar.js';
import { de } from './strings/de.js';
import { en } from './strings/en.js';
import { es } from './strings/es.js';
import { fa } from './strings/fa.js';
import { fr } from './strings/fr.js';
import { he } from './strings/he.js';
import { hi } from './strings/hi.js';
import { it } from './strings/it.js';
import { ja } from './strings/ja.js';
import { ko } from './strings/ko.js';
import { nl } from './strings/nl.js';
import { pl } from './strings/pl.js';
import { pt } from './strings/pt.js';
import { ru } from './strings/ru.js';
import { sv } from './strings/sv.js';
import { tr } from './strings/tr.js';
import { uk } from './strings/uk.js';
import { zh } from './strings/zh.js';

/** Keyed by primary language subtag: pt-BR and pt-PT both read pt. */
export const BUILT_IN: Readonly<Record<string, Strings>> = {
  ar,
  de,
  en,
  es,
  fa,
  fr,
  he,
  hi,
  it,
  ja,
  ko,
  nl,
  pl,
  pt,
  ru,
  sv,
  tr,
  uk,
  zh,
};

export const FALLBACK_LANGUAGE = 'en';
