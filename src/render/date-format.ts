// Intl.DateTimeFormat objects are slow to make (about a millisecond each, more than the rest of an
// edition's template) and never change: one per language and style, made on first use.
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(language: string, dateStyle: 'long' | 'medium'): Intl.DateTimeFormat {
  const key = `${language} ${dateStyle}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(language, { dateStyle, timeZone: 'UTC' })));
  return format;
}
