// The config type with its documented defaults. newsletter.config.json is optional; every key is.
// Precedence is one visible merge (see edition/assemble.ts): these defaults < edition.md < article front matter.

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
}

export interface Config {
  /** The newsletter's name, shown in the header and the From name. */
  name: string;
  /** RFC 5322 From: "Name <address>". */
  from: string;
  replyTo?: string;
  /** BCP 47 language tag for <html lang> and Content-Language. */
  language: string;
  /** Public base URL where `out/` is published; each edition lives at <url>/<slug>/. */
  url: string;
  /** Unsubscribe URL; it may name recipient fields (`?e={{email}}&id={{recipient "id"}}`), which `send` fills per
   *  recipient (URL-encoded). Only a URL that identifies the recipient gets List-Unsubscribe-Post (one-click). */
  unsubscribeUrl: string;
  /** Optional mailto: for List-Unsubscribe, offered beside the URL. */
  unsubscribeMailto?: string;
  preferencesUrl: string;
  /** Physical postal address: required in commercial email by CAN-SPAM, shown in the footer. */
  postalAddress: string;
  /** List-Id header value, e.g. "Field Notes <fieldnotes.example.com>". */
  listId: string;
  /** Greeting fallback when a recipient has no first name. */
  firstNameFallback: string;
  /** Default layout name: templates/<layout>.mjml.hbs and templates/<layout>.txt.hbs. */
  template: string;
  logo?: Logo;
  colors: Colors;
  /** Words per minute for the reading-time helper. */
  wordsPerMinute: number;
  /** Email clients `check` tests feature support for: caniemail names or globs ("gmail.*", "outlook.windows").
   *  Default: Gmail, Outlook, Apple Mail and Yahoo (src/checks/client-support.ts). */
  checkClients?: string[];
  /** UTM tracking on article and intro links, added at build time (src/links/). Off when absent. */
  utm?: Utm;
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
  name: 'Field Notes',
  from: 'Field Notes <editor@fieldnotes.example.com>',
  language: 'en',
  url: 'https://fieldnotes.example.com/newsletter',
  unsubscribeUrl: 'https://fieldnotes.example.com/unsubscribe?e={{email}}',
  preferencesUrl: 'https://fieldnotes.example.com/preferences',
  postalAddress: 'Field Notes, 100 Example Street, Springfield, OR 97477, USA',
  listId: 'Field Notes <fieldnotes.example.com>',
  firstNameFallback: 'there',
  template: 'default',
  colors: DEFAULT_COLORS,
  wordsPerMinute: 230,
};
