// The template's own words: every key a layout may pass to {{t}}, with what it is for, and the archive
// page's (out/index.html, in the newsletter's language). English is the reference: each built-in language
// translates every key (test/i18n/strings.test.ts holds them to it).

/** A phrase, or one phrase per plural category (Intl.PluralRules: zero, one, two, few, many, other). */
export type Phrase = string | Partial<Record<Intl.LDMLPluralRule, string>>;

export const STRING_KEYS = {
  view_in_browser: 'link in the header to the web version',
  view_edition_in_browser: 'link in the footer to the web version',
  greeting: 'opens the editor\'s note; {name} is the first name, or "reader" without one',
  reader: 'the greeting\'s name when a recipient has none ("Hi there,")',
  by: 'byline; {author}',
  min_read: 'reading time, by plural category; {count}',
  read_title_on_web: 'link under an article; {title}',
  read_on_web: "label over an article's web address in plain text",
  links: "label over an article's link list in plain text",
  receiving: 'why the reader gets this; {newsletter}',
  unsubscribe: 'unsubscribe link',
  manage_preferences: 'preferences link in the HTML footer',
  preferences: 'preferences label in the plain-text footer',
  archive_title: "the archive page's title, in the browser's tab; {newsletter}",
  archive_count: "the archive page's line under its heading: how many editions, by plural category; {count}",
  archive_empty: "the archive page's line under its heading when there is no edition yet",
  atom_feed: "the archive page's link to its Atom feed",
} as const;

export type StringKey = keyof typeof STRING_KEYS;
export type Strings = Record<StringKey, Phrase>;

/** The keys out/index.html uses: every build writes it, in the newsletter's language, whatever the layouts ask. */
export const ARCHIVE_KEYS: readonly StringKey[] = [
  'archive_title',
  'archive_count',
  'archive_empty',
  'atom_feed',
];

export const isStringKey = (key: string): key is StringKey => Object.hasOwn(STRING_KEYS, key);
