// Intl.DateTimeFormat objects are slow to make (about a millisecond each, more than the rest of an
// edition's template) and never change: one per language and style, made on first use. Formatting is slow
// too, next to the rest of a template (the date helper was 1% of a render worker's time): an edition shows
// the same few dates in its HTML and its text, and an archive's editions share theirs, so each formatted
// date is kept.
const formats = new Map<string, Intl.DateTimeFormat>();
const formatted = new Map<string, string>();
/** Enough for any archive's dates; a longer run starts the memory afresh rather than grow without end. */
const MAX_KEPT = 10_000;

function dateFormat(language: string, dateStyle: 'long' | 'medium'): Intl.DateTimeFormat {
  const key = `${language} ${dateStyle}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(language, { dateStyle, timeZone: 'UTC' })));
  return format;
}

/** The date as dateFormat(language, dateStyle) writes it. */
export function formatDate(language: string, dateStyle: 'long' | 'medium', date: Date): string {
  const key = `${language} ${dateStyle} ${date.getTime()}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= MAX_KEPT) formatted.clear();
    formatted.set(key, (text = dateFormat(language, dateStyle).format(date)));
  }
  return text;
}
