// Template helpers, shared by the MJML and the plain-text templates. Documented in the README.
import type { HelperOptions } from 'handlebars';
import type { Config } from '../config/config.js';
import { isRecipientField, token, type RecipientField } from './tokens.js';
import { wrap, TEXT_WIDTH } from './wrap.js';
import { formatDate } from './date-format.js';
import { preheaderSpacing } from './preheader.js';

type Helper = (...args: unknown[]) => unknown;

const options = (args: unknown[]) => args[args.length - 1] as HelperOptions;

export function helpers(config: Config, SafeString: new (s: string) => unknown): Record<string, Helper> {
  const recipient = (field: RecipientField, fallback?: string) => new SafeString(token(field, fallback));

  return {
    /** {{date edition.date}} -> "20 November 2026"; format="iso" | "short" | "long" (default). */
    date(value: unknown, ...rest: unknown[]) {
      if (typeof value !== 'string' || !value) return '';
      const format = (options(rest).hash.format as string | undefined) ?? 'long';
      const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
      if (format === 'iso') return date.toISOString().slice(0, 10);
      return formatDate(config.language, format === 'short' ? 'medium' : 'long', date);
    },
    /** {{reading_time this}} -> "4 min read", from the article's word count. */
    reading_time(article: unknown) {
      const words = (article as { words?: number } | null)?.words ?? 0;
      return `${Math.max(1, Math.round(words / config.wordsPerMinute))} min read`;
    },
    /** {{excerpt text words=30}}: the first words of a text (HTML tags removed), with an ellipsis if cut. */
    excerpt(text: unknown, ...rest: unknown[]) {
      const limit = Number(options(rest).hash.words ?? 30);
      const words = String(text ?? '')
        .replace(/<[^>]*>/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
      return words.length <= limit ? words.join(' ') : `${words.slice(0, limit).join(' ')}…`;
    },
    /** {{recipient "first_name" fallback="there"}}: a recipient field, filled by build, send or export. */
    recipient(field: unknown, ...rest: unknown[]) {
      const name = String(field);
      if (!isRecipientField(name)) throw new Error(`unknown recipient field "${name}"`);
      const fallback = options(rest).hash.fallback as string | undefined;
      return recipient(name, name === 'first_name' ? (fallback ?? config.firstNameFallback) : fallback);
    },
    first_name: (...rest: unknown[]) =>
      recipient(
        'first_name',
        (options(rest).hash.fallback as string | undefined) ?? config.firstNameFallback,
      ),
    email: () => recipient('email'),
    unsubscribe_url: () => recipient('unsubscribe_url'),
    preferences_url: () => recipient('preferences_url'),
    web_version_url: () => recipient('web_version_url'),
    postal_address: () => recipient('postal_address'),
    /** {{preheader_spacing edition.preheader}}: invisible characters after the preheader, up to 150 in all. */
    preheader_spacing: (text: unknown) => new SafeString(preheaderSpacing(String(text ?? ''))),
    /** {{wrap text width=76 indent="  "}}: word-wrapped text, for the plain-text template. */
    wrap(text: unknown, ...rest: unknown[]) {
      const hash = options(rest).hash;
      return wrap(String(text ?? ''), Number(hash.width ?? TEXT_WIDTH), String(hash.indent ?? ''));
    },
    /** {{underline title "="}}: a line of "=" as long as the text (at most the text width). */
    underline(text: unknown, char: unknown) {
      const longest = Math.max(
        ...String(text ?? '')
          .split('\n')
          .map((l) => l.length),
      );
      return (typeof char === 'string' ? char : '=').repeat(Math.min(longest, TEXT_WIDTH));
    },
    /** {{rule 40 "-"}}: a horizontal rule for plain text. */
    rule(width: unknown, char: unknown) {
      return (typeof char === 'string' ? char : '-').repeat(typeof width === 'number' ? width : TEXT_WIDTH);
    },
    /** {{#if (eq a b)}} */
    eq: (a: unknown, b: unknown) => a === b,
  };
}
