// Validates a parsed config object against the shape of Config, reporting every problem at once.
import { DEFAULT_COLORS, DEFAULT_CONFIG, type Config } from './config.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isLocalRef, isSafeUrl } from '../content/urls.js';
import { validateUtm } from '../links/validate-utm.js';
import { derivedListId } from './identity.js';
import { mailboxProblem } from './mailbox.js';
import { isLanguageTag, LANGUAGE_HINT } from '../i18n/language-tag.js';
import { validateStrings } from '../i18n/validate-strings.js';
import { fillUrl, urlProblem } from '../render/unsubscribe-url.js';

type Check = (value: unknown) => string | undefined;

const string: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : 'a non-empty string');
const url: Check = (v) =>
  typeof v === 'string' && /^https?:\/\//i.test(v) && isSafeUrl(v) ? undefined : 'an http(s) URL';
/** An http(s) URL that may name recipient fields, filled per recipient by send. */
const recipientUrl: Check = (v) =>
  typeof v !== 'string' ? url(v) : (urlProblem(v) ?? url(fillUrl(v, {})) ?? undefined);
const mailto: Check = (v) =>
  typeof v === 'string' && /^mailto:[^\s@]+@[^\s@]+$/i.test(v) ? undefined : 'a mailto: URL';
const color: Check = (v) =>
  typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v) ? undefined : 'a colour like #1f5fbf';
const mailbox: Check = (v) =>
  typeof v === 'string' ? mailboxProblem(v) : 'one mailbox like "Name <me@example.org>"';
/**
 * A number within bounds: past them is a slip (1e-308 words a minute gives "Infinity min read"; a logo 1e308
 * pixels wide, an MJML error blamed on the header template), never what the writer meant.
 */
const between =
  (min: number, max: number, what: string): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? undefined
      : `${what} from ${min} to ${max.toLocaleString('en')}`;
const noLineBreaks: Check = (v) => string(v) ?? (/[\r\n]/.test(v as string) ? 'a single line' : undefined);

const FIELDS: Record<string, Check> = {
  name: noLineBreaks,
  from: mailbox,
  replyTo: mailbox,
  direction: (v) => (v === 'ltr' || v === 'rtl' ? undefined : '"ltr" or "rtl"'),
  url,
  unsubscribeUrl: recipientUrl,
  unsubscribeMailto: mailto,
  preferencesUrl: url,
  postalAddress: noLineBreaks,
  listId: noLineBreaks,
  firstNameFallback: noLineBreaks,
  template: (v) =>
    typeof v === 'string' && /^[\w-]+$/.test(v) ? undefined : 'a layout name (letters, digits, - and _)',
  wordsPerMinute: between(1, 10_000, 'a number'),
  embedImages: (v) => (typeof v === 'boolean' ? undefined : 'true or false'),
  checkClients: (v) =>
    Array.isArray(v) && v.length > 0 && v.every((c) => typeof c === 'string' && /^[a-z*.-]+$/.test(c))
      ? undefined
      : 'a list of email clients like ["gmail.*", "outlook.windows"]',
  sample: (v) => (typeof v === 'boolean' ? undefined : 'true or false'),
};

/** An image: an https URL, or a file relative to the config file (published by build, assets/). */
const image: Check = (v) =>
  typeof v === 'string' && (url(v) === undefined || isLocalRef(v))
    ? undefined
    : 'an http(s) URL or a relative file path';
const LOGO_FIELDS: Record<string, Check> = {
  src: image,
  alt: string,
  // pixels: an email is 600 wide, and a logo past 2000 is a slip
  width: between(1, 2000, 'a number of pixels'),
  dark: (v) => (v === undefined ? undefined : image(v)),
};

export interface Located {
  /** Finds the line of a key in the config source, for error positions. */
  lineOf(key: string): number | undefined;
  file: string;
}

export function validateConfig(raw: unknown, where: Located): { config: Config; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const problem = (key: string, message: string) =>
    diagnostics.push(diag('CONFIG_INVALID', 'error', message, { file: where.file, line: where.lineOf(key) }));

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problem('', 'the config must be a JSON object');
    return { config: DEFAULT_CONFIG, diagnostics };
  }
  const input = raw as Record<string, unknown>;
  const config: Record<string, unknown> = { ...DEFAULT_CONFIG };

  for (const [key, value] of Object.entries(input)) {
    if (key === '$schema') continue;
    if (key === 'colors') {
      config.colors = validateGroup(
        value,
        DEFAULT_COLORS as unknown as Record<string, unknown>,
        key,
        color,
        problem,
        diagnostics,
        where,
      );
    } else if (key === 'logo') {
      config.logo = validateLogo(value, problem, diagnostics, where);
    } else if (key === 'language') {
      if (isLanguageTag(value)) config.language = value;
      else
        diagnostics.push(
          diag('LANG_UNKNOWN', 'error', `"language" must be ${LANGUAGE_HINT}, got ${JSON.stringify(value)}`, {
            file: where.file,
            line: where.lineOf(key),
          }),
        );
    } else if (key === 'strings') {
      continue; // read below, once the language is known
    } else if (key === 'utm') {
      config.utm = validateUtm(value, problem, (name, known, k) =>
        unknownKey(name, known, diagnostics, where, k),
      );
    } else if (Object.hasOwn(FIELDS, key)) {
      const expected = FIELDS[key](value);
      if (expected) problem(key, `"${key}" must be ${expected}, got ${shown(value)}`);
      else config[key] = value;
    } else {
      unknownKey(
        key,
        Object.keys(FIELDS).concat('language', 'colors', 'logo', 'utm', 'strings'),
        diagnostics,
        where,
      );
    }
  }
  if (Object.hasOwn(input, 'strings')) {
    const read = validateStrings(input.strings, config.language as string, (key) => ({
      file: where.file,
      line: where.lineOf(key),
    }));
    diagnostics.push(...read.diagnostics);
    if (read.strings) config.strings = read.strings;
  }
  return { config: withDerivedIdentity(config as unknown as Config), diagnostics };
}

/** The identity values that follow from others unless set: List-Id from the name and From, preferences from unsubscribe. */
function withDerivedIdentity(config: Config): Config {
  return {
    ...config,
    listId: config.listId || derivedListId(config.name, config.from),
    preferencesUrl: config.preferencesUrl || pageOf(config.unsubscribeUrl),
  };
}

/**
 * The unsubscribe URL as a page anyone may open: without its query when that names recipient fields
 * (`?e={{email}}`), which only `send` and the platforms fill, never the footer's preferences link.
 */
const pageOf = (url: string): string => (url.includes('{{') ? url.split('?')[0]! : url);

function validateGroup<T extends Record<string, unknown>>(
  value: unknown,
  defaults: T,
  group: string,
  check: Check,
  problem: (key: string, message: string) => void,
  diagnostics: Diagnostic[],
  where: Located,
): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problem(group, `"${group}" must be an object`);
    return defaults;
  }
  const result: Record<string, unknown> = { ...defaults };
  for (const [key, v] of Object.entries(value)) {
    if (!Object.hasOwn(defaults, key)) {
      unknownKey(
        `${group}.${key}`,
        Object.keys(defaults).map((k) => `${group}.${k}`),
        diagnostics,
        where,
        key,
      );
      continue;
    }
    const expected = check(v);
    if (expected) problem(key, `"${group}.${key}" must be ${expected}, got ${JSON.stringify(v)}`);
    else result[key] = v;
  }
  return result as T;
}

function validateLogo(
  value: unknown,
  problem: (key: string, message: string) => void,
  diagnostics: Diagnostic[],
  where: Located,
) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problem('logo', '"logo" must be an object with src, alt and width');
    return undefined;
  }
  const logo = value as Record<string, unknown>;
  let ok = true;
  for (const [key, check] of Object.entries(LOGO_FIELDS)) {
    const expected = check(logo[key]);
    if (expected) {
      problem(
        Object.hasOwn(logo, key) ? key : 'logo',
        `"logo.${key}" must be ${expected}, got ${JSON.stringify(logo[key])}`,
      );
      ok = false;
    }
  }
  for (const key of Object.keys(logo)) {
    if (!Object.hasOwn(LOGO_FIELDS, key))
      unknownKey(`logo.${key}`, ['logo.src', 'logo.alt', 'logo.width', 'logo.dark'], diagnostics, where, key);
  }
  if (!ok) return undefined;
  const { src, alt, width, dark } = logo as { src: string; alt: string; width: number; dark?: string };
  return { src, alt, width, ...(dark !== undefined ? { dark } : {}) };
}

function unknownKey(name: string, known: string[], diagnostics: Diagnostic[], where: Located, key = name) {
  const close = known.find((k) => k.toLowerCase() === name.toLowerCase() || editDistance(k, name) <= 2);
  diagnostics.push(
    diag(
      'CONFIG_UNKNOWN_KEY',
      'error',
      `unknown config key "${name}"`,
      { file: where.file, line: where.lineOf(key) },
      close ? `did you mean "${close}"?` : `known keys: ${known.join(', ')}`,
    ),
  );
}

/** A value as JSON, with line separators and control characters escaped so that the terminal shows them. */
function shown(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).replace(
    /[\p{Cc}\p{Zl}\p{Zp}]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
