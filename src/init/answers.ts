// What `init` asks for, and how each answer is checked: the same rules for flags and for prompts, each
// problem naming the flag it came from, so a script gets exit 2 and a person gets asked again.
import { isLanguageTag } from '../i18n/language-tag.js';
import addressparser from 'nodemailer/lib/addressparser';
import { isStarter, STARTERS, type StarterName } from '../starters/starters.js';

export interface InitAnswers {
  name: string;
  /** "Name <address>": exactly one mailbox. */
  from?: string;
  url?: string;
  unsubscribeUrl?: string;
  postalAddress?: string;
  language: string;
  starter: StarterName;
}

/** The answers as flags give them: every value a string, any of them missing. */
export type InitFlags = Partial<Record<Exclude<keyof InitAnswers, 'starter'>, string>> & { starter?: string };

export type Validate = (value: string) => string | undefined;

const line: Validate = (v) =>
  /[\r\n]/.test(v) ? 'must be one line' : v.trim() === '' ? 'must not be empty' : undefined;

export const VALIDATE: Record<keyof InitAnswers, Validate> = {
  name: line,
  from(value) {
    const entries = addressparser(value);
    const single = entries.length === 1 && !('group' in entries[0] && entries[0].group);
    const address = single ? (entries[0] as { address?: string }).address : undefined;
    return address && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address) && !/[\r\n]/.test(value)
      ? undefined
      : 'must be exactly one mailbox, like "Harbour Letter <letters@harbourletter.org>"';
  },
  url: webUrl,
  unsubscribeUrl: webUrl,
  postalAddress: line,
  // the config's own test, so init never writes a language that build then refuses
  language: (v) => (isLanguageTag(v) ? undefined : 'must be a language tag like en or pt-BR'),
  starter: (v) => (isStarter(v) ? undefined : `must be one of ${Object.keys(STARTERS).join(', ')}`),
};

function webUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) return undefined;
  } catch {
    // not a URL at all: the same answer below
  }
  return 'must be an http(s) URL, like https://harbourletter.org';
}

/** The command-line flag of an answer, for messages: unsubscribeUrl -> --unsubscribe-url. */
export const flagOf = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Problems with the given flags, each as "--flag: what is wrong". */
export function flagProblems(flags: InitFlags): string[] {
  return Object.entries(flags)
    .filter(([key, value]) => value !== undefined && key in VALIDATE)
    .flatMap(([key, value]) => {
      const problem = VALIDATE[key as keyof InitAnswers](value!.trim());
      return problem ? [`${flagOf(key)} ${problem} (got ${JSON.stringify(value)})`] : [];
    });
}

/** A name for the newsletter from its folder: "harbour-letter" -> "Harbour Letter". */
export const nameFromFolder = (folder: string): string =>
  folder
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ') || 'My Newsletter';

/** The flags as answers, with defaults for what a newsletter can start without. */
export function answersFromFlags(flags: InitFlags, folderName: string): InitAnswers {
  const trimmed = (v?: string) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  return {
    name: trimmed(flags.name) ?? nameFromFolder(folderName),
    from: trimmed(flags.from),
    url: trimmed(flags.url),
    unsubscribeUrl: trimmed(flags.unsubscribeUrl),
    postalAddress: trimmed(flags.postalAddress),
    language: trimmed(flags.language) ?? 'en',
    starter: (trimmed(flags.starter) ?? 'digest') as StarterName,
  };
}
