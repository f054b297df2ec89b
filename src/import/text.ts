// Imported text is data: HTML reduced to its words, control, bidi-override and reserved characters removed,
// whitespace collapsed. `{{…}}` is left as it is: the build treats content as data, so it shows literally.
import { Parser } from 'htmlparser2';
import { RESERVED_CHARACTERS } from '../content/text.js';

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'math',
  'head',
]);
const BLOCKS = /^(p|div|br|li|h[1-6]|blockquote|tr|td|th|figure|figcaption|section|article|pre)$/;

/** The visible words of an HTML fragment (plain text passes through, entities decoded). */
export function plainText(html: string): string {
  let text = '';
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        else if (BLOCKS.test(name)) text += ' ';
      },
      ontext(data) {
        if (skipping === 0) text += data;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCKS.test(name)) text += ' ';
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return cleanText(text);
}

/** One line of text: no control or bidi-override characters, no characters reserved for recipient fields. */
export function cleanText(text: string): string {
  return text
    .replace(RESERVED_CHARACTERS, '')
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/g,
      '',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

// Lines feeds and blog engines add to every summary: not the writer's words.
const BOILERPLATE = [
  /\s*The post .{1,300} appeared first on .{1,200}$/i,
  /\s*(Continue reading|Read more|Read the full (article|story|post))\b.*$/i,
  /\s*\[(…|\.\.\.)\]\s*$/,
];

/** A dek: the summary's first `maxWords` words, an ellipsis when cut. */
export function dekFrom(summaryHtml: string, maxWords = 50): string | undefined {
  let text = plainText(summaryHtml);
  for (const pattern of BOILERPLATE) text = text.replace(pattern, '');
  const words = text.split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  if (words.length <= maxWords) return words.join(' ');
  return `${words
    .slice(0, maxWords)
    .join(' ')
    .replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** A title: its words, at most `max` characters, cut at a word. */
export function titleFrom(html: string, max = 200): string {
  const text = plainText(html);
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** A file-name slug: lower-case ASCII letters and digits joined by hyphens, at most `max` characters. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  return (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, max)).replace(/-+$/, '');
}

/** YYYY-MM-DD (UTC) of an RFC 822 or ISO 8601 date, or undefined when it does not parse. */
export function isoDay(value: unknown): string | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** An absolute http(s) URL, resolved against `base`, or undefined. */
export function webUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
