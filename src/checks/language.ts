// The edition's languages: template strings with no translation (every build, as info), and text laid out
// in the other direction than its letters run (check only).
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keyPosition } from '../content/fields.js';
import { articlePlacement, editionPlacement } from '../i18n/edition-language.js';
import { ARCHIVE_KEYS, isStringKey, type StringKey } from '../i18n/keys.js';
import { missingKeys } from '../i18n/translate.js';
import type { BuiltEdition } from './rule.js';

/** The keys the project's templates ask for: {{t "key"}}, and the phrases helpers use behind the scenes. */
function keysUsed(built: BuiltEdition): Set<StringKey> {
  const used = new Set<StringKey>();
  for (const { file, text } of built.sources) {
    if (!file.endsWith('.hbs')) continue;
    for (const match of text.matchAll(/\{\{~?#?\s*\(?t\s+["'](\w+)["']/g))
      if (isStringKey(match[1])) used.add(match[1]);
    if (text.includes('reading_time')) used.add('min_read');
    if (/recipient\s+["']first_name["']|first_name/.test(text)) used.add('reader');
  }
  return used;
}

export function languageStringsRule(built: BuiltEdition): Diagnostic[] {
  const { edition, config } = built;
  const placed = editionPlacement(edition, config);
  const languages = new Map<string, string>([[placed.language, edition.sources[0]]]);
  for (const article of edition.articles) {
    const own = articlePlacement(article, placed);
    if (own.own && !languages.has(own.language)) languages.set(own.language, article.file);
  }
  const used = keysUsed(built);
  const diagnostics: Diagnostic[] = [];
  for (const [language, file] of languages) {
    // the archive page is in the newsletter's language: its words are asked for whatever the layouts use
    const asked = (key: StringKey) =>
      used.has(key) || (language === config.language && ARCHIVE_KEYS.includes(key));
    const missing = missingKeys(language, config.strings).filter(asked);
    if (missing.length === 0) continue;
    const source = built.sources.find((s) => s.file === file)?.text ?? '';
    diagnostics.push(
      diag(
        'LANG_STRINGS_MISSING',
        'info',
        `no "${language}" translation of the template strings ${missing.join(', ')}: they are in English`,
        { file, ...keyPosition(source, 'language') },
        `add them to "strings" in newsletter.config.json: { "${language}": { "${missing[0]}": "…" } }`,
      ),
    );
  }
  return diagnostics;
}

const RTL_LETTER =
  /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thaana}\p{Script=Syriac}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/gu;
const NOT_LETTERS = /\P{L}+/gu;
/** Under this many letters a text says too little about its script to judge. */
const ENOUGH_LETTERS = 40;

const letters = (html: string) => {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&\w+;/g, ' ');
  // counted as code points (a letter outside the BMP once), without an array of every letter
  let all = 0;
  for (const _letter of text.replace(NOT_LETTERS, '')) all++;
  return { all, rtl: text.match(RTL_LETTER)?.length ?? 0 };
};

function mismatch(html: string, dir: string, file: string, what: string): Diagnostic | undefined {
  const { all, rtl } = letters(html);
  if (all < ENOUGH_LETTERS) return undefined;
  const runs = rtl * 2 > all ? 'rtl' : 'ltr';
  if (runs === dir) return undefined;
  const share = Math.round((100 * rtl) / all);
  return diag(
    'LANG_DIRECTION_MISMATCH',
    'warning',
    `${what} is laid out ${dir === 'rtl' ? 'right-to-left' : 'left-to-right'}, but ${runs === 'rtl' ? share : 100 - share}% of its letters are in a ${runs === 'rtl' ? 'right-to-left' : 'left-to-right'} script`,
    { file },
    'set "language" (in edition.md, the front matter or the config) to the language it is written in, or "direction" in the config',
  );
}

export function directionRule(built: BuiltEdition): Diagnostic[] {
  const { edition, config } = built;
  const placed = editionPlacement(edition, config);
  const pageDir = /<html\b[^>]*\sdir="(rtl|ltr)"/i.exec(built.html)?.[1].toLowerCase() ?? 'ltr';
  const shared = edition.articles.filter((a) => !articlePlacement(a, placed).own);
  const editionHtml = [edition.introHtml ?? '', ...shared.map((a) => `${a.title} ${a.html}`)].join(' ');
  const found = [mismatch(editionHtml, pageDir, edition.sources[0], `edition "${edition.slug}"`)];
  for (const article of edition.articles) {
    const own = articlePlacement(article, placed);
    if (own.own)
      found.push(mismatch(`${article.title} ${article.html}`, own.dir, article.file, `"${article.title}"`));
  }
  return found.filter((d) => d !== undefined);
}
