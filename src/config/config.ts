// The config type with its documented defaults. newsletter.config.json is optional; every key is, but the
// identity (name, From, url, unsubscribe URL, postal address) defaults to empty: a newsletter says who it is
// in its own config, and is told when it has not (config/identity.ts).
// Precedence is one visible merge (see edition/assemble.ts): these defaults < edition.md < article front matter.
import type { Direction } from '../i18n/direction.js';
import type { StringOverrides } from '../i18n/translate.js';

export interface Colors {
  /** Accent: header rule, links, buttons. */
  brand: string;
  text: string;
  /** Secondary text: deks, bylines, footer. */
  muted: string;
  /** The page behind the email body. */
  background: string;
  /** The email body itself. */
  surface: string;
  /** Same roles in dark mode (clients that honour prefers-color-scheme). */
  darkText: string;
  darkMuted: string;
  darkBackground: string;
  darkSurface: string;
  darkBrand: string;
}

export interface Logo {
  src: string;
  alt: string;
  /** CSS pixels; the image is scaled down to this width. */
  width: number;
  /** Shown instead of `src` where the client is in dark mode (prefers-color-scheme). */
  dark?: string;
}

export interface Config {
  /** The newsletter's name, shown in the header and the From name. */
  name: string;
  /** RFC 5322 From: exactly one mailbox, "Name <address>" or "address". */
  from: string;
  /** One mailbox, like from. */
  replyTo?: string;
  /** BCP 47 language tag for <html lang>, Content-Language, dates, the template's words and direction.
   *  An edition.md or an article's front matter may set its own. */
  language: string;
  /** Text direction; by default the language's ("rtl" for ar, he, fa, ur...). */
  direction?: Direction;
  /** The template's own words, overriding the built-in ones (src/i18n/): by key for the config's
   *  language, or by language tag, then key. A phrase with plural forms is a map of plural categories. */
  strings?: StringOverrides;
  /** Public base URL where `out/` is published; each edition lives at <url>/<slug>/. */
  url: string;
  /** Unsubscribe URL; it may name recipient fields (`?e={{email}}&id={{recipient "id"}}`), which `send` fills per
   *  recipient (URL-encoded). Only a URL that identifies the recipient gets List-Unsubscribe-Post (one-click). */
  unsubscribeUrl: string;
  /** Optional mailto: for List-Unsubscribe, offered beside the URL. */
  unsubscribeMailto?: string;
  /** Where readers manage their subscription. Default: the unsubscribe URL. */
  preferencesUrl: string;
  /** Physical postal address: required in commercial email by CAN-SPAM, shown in the footer. */
  postalAddress: string;
  /** List-Id header value. Default: the name and the From address's domain, "Field Notes <fieldnotes.example.com>". */
  listId: string;
  /** Greeting fallback when a recipient has no first name. */
  firstNameFallback: string;
  /** Default layout name: templates/<layout>.mjml.hbs and templates/<layout>.txt.hbs. */
  template: string;
  /** `src` and `dark` are https URLs or image files relative to the config file. */
  logo?: Logo;
  colors: Colors;
  /** Messages carry local images as inline parts (cid:) instead of linking to their published URLs. */
  embedImages?: boolean;
  /** Words per minute for the reading-time helper. */
  wordsPerMinute: number;
  /** Email clients `check` tests feature support for: caniemail names or globs ("gmail.*", "outlook.windows").
   *  Default: Gmail, Outlook, Apple Mail and Yahoo (src/checks/client-support.ts). */
  checkClients?: string[];
  /** UTM tracking on article and intro links, added at build time (src/links/). Off when absent. */
  utm?: Utm;
  /**
   * A demonstration project (the bundled sample, test fixtures): its identity may use domains reserved for
   * examples without a warning from build or an error from check --strict. `send` to a real server refuses
   * them all the same.
   */
  sample?: boolean;
}

export interface Utm {
  source: string;
  /** Default "email". */
  medium: string;
  /** Default: the edition slug. */
  campaign?: string;
  /** Add utm_content=<article slug>-<link position> to each link. Default true. */
  content: boolean;
  /** Links to these domains (and their subdomains) are left as they are. */
  skipDomains: string[];
}

export const DEFAULT_COLORS: Colors = {
  brand: '#1f5fbf',
  text: '#1d1d1f',
  muted: '#55595f',
  background: '#f3f4f6',
  surface: '#ffffff',
  darkText: '#ececec',
  darkMuted: '#b4b8be',
  darkBackground: '#111214',
  darkSurface: '#1c1d20',
  darkBrand: '#8ab4f8',
};

export const DEFAULT_CONFIG: Config = {
  name: '',
  from: '',
  language: 'en',
  url: '',
  unsubscribeUrl: '',
  preferencesUrl: '',
  postalAddress: '',
  listId: '',
  firstNameFallback: 'there',
  template: 'default',
  colors: DEFAULT_COLORS,
  wordsPerMinute: 230,
};
