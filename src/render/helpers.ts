// Template helpers, shared by the MJML and the plain-text templates. Documented in the README.
import type { HelperOptions } from 'handlebars';
import { DEFAULT_CONFIG, type Config } from '../config/config.js';
import { lookup, choose } from '../i18n/translate.js';
import { languageHelpers, languageOf } from './language-helpers.js';
import type { TemplateKind } from './templates.js';
import { isRecipientField, token, type RecipientField } from './tokens.js';
import { displayWidth, wrap, TEXT_WIDTH } from './wrap.js';
import { formatDate } from './date-format.js';
import { preheaderSpacing } from './preheader.js';

type Helper = (this: unknown, ...args: unknown[]) => unknown;

const options = (args: unknown[]) => args[args.length - 1] as HelperOptions;

export function helpers(
  config: Config,
  kind: TemplateKind,
  SafeString: new (s: string) => unknown,
  escape: (s: string) => string,
): Record<string, Helper> {
  const recipient = (field: RecipientField, fallback?: string) => new SafeString(token(field, fallback));
  /** The greeting's name without one: the config's own fallback, else "there" in the reader's language. */
  const readerFallback = (language: string) =>
    config.firstNameFallback !== DEFAULT_CONFIG.firstNameFallback
      ? config.firstNameFallback
      : choose(lookup(language, 'reader', config.strings).phrase, language);

  return {
    /** {{date edition.date}} -> "20 November 2026"; format="iso" | "short" | "long" (default). */
    date(this: unknown, value: unknown, ...rest: unknown[]) {
      if (typeof value !== 'string' || !value) return '';
      const format = (options(rest).hash.format as string | undefined) ?? 'long';
      const language = languageOf(this, options(rest), config);
      const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
      if (format === 'iso') return date.toISOString().slice(0, 10);
      return formatDate(language, format === 'short' ? 'medium' : 'long', date);
    },
    ...languageHelpers(config, kind, SafeString, escape),
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
    recipient(this: unknown, field: unknown, ...rest: unknown[]) {
      const name = String(field);
      if (!isRecipientField(name)) throw new Error(`unknown recipient field "${name}"`);
      const fallback = options(rest).hash.fallback as string | undefined;
      const language = languageOf(this, options(rest), config);
      return recipient(name, name === 'first_name' ? (fallback ?? readerFallback(language)) : fallback);
    },
    first_name(this: unknown, ...rest: unknown[]) {
      const fallback = options(rest).hash.fallback as string | undefined;
      return recipient('first_name', fallback ?? readerFallback(languageOf(this, options(rest), config)));
    },
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
          .map(displayWidth),
      );
      return (typeof char === 'string' ? char : '=').repeat(Math.min(longest, TEXT_WIDTH));
    },
    /** {{rule 40 "-"}}: a horizontal rule for plain text. */
    rule(width: unknown, char: unknown) {
      return (typeof char === 'string' ? char : '-').repeat(typeof width === 'number' ? width : TEXT_WIDTH);
    },
    /** {{asset "logo.png"}}: the published URL of an image in templates/ (assets/project-assets.ts). */
    asset(name: unknown, ...rest: unknown[]) {
      const assets = (options(rest).data as { assets?: Record<string, string> } | undefined)?.assets;
      const url = assets && Object.hasOwn(assets, String(name)) ? assets[String(name)] : undefined;
      if (url === undefined)
        throw new Error(`{{asset}} needs a file name in quotes, got ${JSON.stringify(name)}`);
      return url;
    },
    /** {{#if (eq a b)}} */
    eq: (a: unknown, b: unknown) => a === b,
  };
}
