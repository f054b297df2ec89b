// Template helpers for the template's own words and mixed-direction text: {{t}}, {{isolate}}, {{mirror}},
// {{reading_time}}.
// The language is the current context's (an article's own, in the articles loop), else the edition's.
import type { HelperOptions } from 'handlebars';
import type { Config } from '../config/config.js';
import { isStringKey, STRING_KEYS, type StringKey } from '../i18n/keys.js';
import { translate } from '../i18n/translate.js';
import type { TemplateKind } from './templates.js';

type Helper = (this: unknown, ...args: unknown[]) => unknown;
type Safe = { toHTML(): string };

const options = (args: unknown[]) => args[args.length - 1] as HelperOptions;
const isSafe = (value: unknown): value is Safe => typeof (value as Safe | null)?.toHTML === 'function';

const IDEOGRAPHS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** A common figure for reading Japanese and Chinese, as 230 words a minute is for English. */
const IDEOGRAPHS_PER_MINUTE = 500;

export function languageOf(context: unknown, opts: HelperOptions, config: Config): string {
  const own = (context as { language?: unknown } | null)?.language;
  if (typeof own === 'string') return own;
  const root = opts.data?.root as { edition?: { language?: unknown } } | undefined;
  return typeof root?.edition?.language === 'string' ? root.edition.language : config.language;
}

/** Letters of the right-to-left scripts (Hebrew to the Arabic extensions, their presentation forms, the
 * historic and African ones in the supplementary planes) and the explicit direction marks and controls. */
const RIGHT_TO_LEFT =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** The direction of the text a helper writes into: the context's own (an article's), else the edition's. */
function directionOf(context: unknown, opts: HelperOptions): unknown {
  const own = (context as { dir?: unknown } | null)?.dir;
  if (own === 'ltr' || own === 'rtl') return own;
  return (opts.data?.root as { edition?: { dir?: unknown } } | undefined)?.edition?.dir;
}

export function languageHelpers(
  config: Config,
  kind: TemplateKind,
  SafeString: new (s: string) => unknown,
  escape: (s: string) => string,
): Record<string, Helper> {
  const html = kind === 'mjml';
  const asHtml = (v: unknown) => (isSafe(v) ? v.toHTML() : escape(String(v ?? '')));
  /** A key's phrase in the language, filled: HTML-escaped for the MJML templates, as it is for text. */
  const say = (language: string, key: StringKey, values: Record<string, unknown>, count?: number) => {
    // the count is in the phrase's own language and digits: nothing to isolate
    const asked = { values, count };
    return html
      ? new SafeString(translate(language, key, config.strings, asked, escape, asHtml))
      : translate(
          language,
          key,
          config.strings,
          asked,
          (s) => s,
          (v) => String(v ?? ''),
        );
  };
  /**
   * Names, dates and numbers keep their own direction inside text of the other one. Not <bdi>: Gmail,
   * Outlook and Yahoo do not support it (caniemail), while they keep `dir`, and dir="auto" on an inline
   * element isolates it just as <bdi> does (HTML's rendering rules give [dir] unicode-bidi: isolate).
   * Only where it can change something: left-to-right text without a right-to-left character or a direction
   * control, in left-to-right text, is laid out the same with or without the span (24 bytes each).
   */
  const isolate = (value: unknown, dir: unknown) => {
    if (!html) return String(value ?? '');
    const inner = asHtml(value);
    // the text as written (HTML given as such may spell a character as a numeric reference, or a direction
    // mark by name): any such reference counts as right-to-left, to be safe
    const text = isSafe(value) ? inner.replace(/&(?:#[0-9a-z]*|lrm|rlm);?/gi, '\u200F') : String(value ?? '');
    const needed = dir !== 'ltr' || RIGHT_TO_LEFT.test(text);
    return new SafeString(needed ? `<span dir="auto">${inner}</span>` : inner);
  };

  return {
    /** {{t "view_in_browser"}}, {{t "by" author=(isolate author)}}, {{t "min_read" count=5}}: see src/i18n/keys.ts. */
    t(this: unknown, key: unknown, ...rest: unknown[]) {
      const opts = options(rest);
      const name = String(key);
      if (!isStringKey(name))
        throw new Error(`unknown template string "${name}"; known: ${Object.keys(STRING_KEYS).join(', ')}`);
      const { count, ...values } = opts.hash as Record<string, unknown>;
      // helper arguments escape strict mode: a misspelt value would vanish from the sentence without this
      for (const [placeholder, value] of Object.entries(values))
        if (value === undefined) throw new Error(`{{t "${name}"}}: "${placeholder}" is not defined`);
      return say(languageOf(this, opts, config), name, values, typeof count === 'number' ? count : undefined);
    },
    /** {{isolate author}}: the value isolated from the text around it in HTML, the text itself in plain text. */
    isolate(this: unknown, value: unknown, ...rest: unknown[]) {
      return isolate(value, directionOf(this, options(rest)));
    },
    /** {{mirror "4px 0 4px 16px"}}: a four-side CSS box, its left and right swapped in a right-to-left edition. */
    mirror(this: unknown, box: unknown, ...rest: unknown[]) {
      const sides = String(box).trim().split(/\s+/);
      const root = options(rest).data?.root as { edition?: { dir?: unknown } } | undefined;
      if (root?.edition?.dir !== 'rtl' || sides.length !== 4) return sides.join(' ');
      return [sides[0], sides[3], sides[2], sides[1]].join(' ');
    },
    /** {{reading_time this}} -> "4 min read", from the article's word count, in its language. */
    reading_time(this: unknown, article: unknown, ...rest: unknown[]) {
      const { words = 0, body } = (article as { words?: number; body?: unknown } | null) ?? {};
      // Chinese and Japanese have no spaces to count words by: their characters are counted instead
      const ideographs = String(body ?? '').match(IDEOGRAPHS)?.length ?? 0;
      const minutes = Math.max(
        1,
        Math.round(words / config.wordsPerMinute + ideographs / IDEOGRAPHS_PER_MINUTE),
      );
      return say(languageOf(this, options(rest), config), 'min_read', {}, minutes);
    },
  };
}
