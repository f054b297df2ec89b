// Links a reader can follow: none empty or placeholder, none relative (an inbox has no base URL), none
// malformed, https rather than http, no link shorteners (spam filters distrust them), no link text that
// shows one URL while the href goes to another (the shape of phishing), and an unsubscribe link that
// exists and sits before the point where Gmail clips the message.
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hasScheme } from '../content/urls.js';
import { byteOffset } from './html.js';
import { layoutFile, locate, urlNeedles } from './locate.js';
import type { PageLink } from './page.js';
import type { BuiltEdition, Rule } from './rule.js';
import { SIZE_LIMIT_BYTES } from './size.js';
import { identityGaps } from './identity-gaps.js';

const SHORTENERS = new Set([
  'bit.ly',
  'bitly.com',
  't.co',
  'tinyurl.com',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'v.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
  'bl.ink',
  't.ly',
  's.id',
  'lnkd.in',
  'trib.al',
  'qr.ae',
  'x.co',
  'bit.do',
  'adf.ly',
  'shorte.st',
  'tr.im',
  'soo.gd',
  'clck.ru',
  'dlvr.it',
  'ift.tt',
  'fb.me',
  'youtu.be',
]);

export const linksRule: Rule = (built) => {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const gaps = identityGaps(built.config, built.edition.slug);
  for (const link of built.page.links) {
    if (gaps.hrefs.has(link.href)) continue; // a recipient field with no value yet: IDENTITY_MISSING says so
    for (const problem of linkProblems(link)) {
      const key = `${problem.code}\0${link.href}\0${link.text}`;
      if (seen.has(key)) continue; // a title link and its "read on the web" link share a URL: say it once
      seen.add(key);
      // an empty or "#" href is no needle: look for the link's text instead
      const where = locate(built, link.href.length > 1 ? urlNeedles(link.href) : link.text || undefined);
      diagnostics.push(diag(problem.code, problem.severity, problem.message, where, problem.hint));
    }
  }
  return [...diagnostics, ...unsubscribe(built)];
};

type Problem = Pick<Diagnostic, 'code' | 'severity' | 'message' | 'hint'>;

export function linkProblems({ href, text }: Pick<PageLink, 'href' | 'text'>): Problem[] {
  const label = text ? `link "${shorten(text)}"` : 'a link with no text';
  if (href === '' || href === '#') {
    return [
      {
        code: 'LINK_EMPTY',
        severity: 'error',
        message: `${label} goes nowhere (href="${href}")`,
        hint: 'give it the full https:// address, or remove the link',
      },
    ];
  }
  if (href.startsWith('#')) return []; // an anchor within the message
  if (!hasScheme(href)) {
    return [
      {
        code: 'LINK_RELATIVE',
        severity: 'error',
        message: `${label} has a relative address ${href}: an inbox has no page to resolve it against`,
        hint: 'write the full https:// address',
      },
    ];
  }
  const scheme = href.slice(0, href.indexOf(':')).toLowerCase();
  if (scheme === 'mailto') {
    return /^mailto:[^\s@]+@[^\s@]+\.[^\s@]+/i.test(href)
      ? textMismatch(label, text, href)
      : [{ code: 'LINK_MALFORMED', severity: 'error', message: `${label} has a malformed address ${href}` }];
  }
  if (scheme === 'tel') return [];
  const url = parseWebUrl(href);
  if (!url) {
    return [
      {
        code: 'LINK_MALFORMED',
        severity: 'error',
        message: `${label} has a malformed URL ${href}`,
        hint: 'check for spaces, missing slashes or a missing host',
      },
    ];
  }
  const problems: Problem[] = textMismatch(label, text, href);
  if (url.protocol === 'http:') {
    problems.push({
      code: 'LINK_INSECURE',
      severity: 'warning',
      message: `${label} uses http: ${href}`,
      hint: 'use https: if the site supports it (most do)',
    });
  }
  if (SHORTENERS.has(url.hostname.replace(/^www\./, ''))) {
    problems.push({
      code: 'LINK_SHORTENER',
      severity: 'warning',
      message: `${label} goes through the link shortener ${url.hostname}`,
      hint: 'link to the destination itself: spam filters distrust shorteners',
    });
  }
  return problems;
}

function textMismatch(label: string, text: string, href: string): Problem[] {
  const shown = urlInText(text);
  if (!shown || shows(shown, href)) return [];
  return [
    {
      code: 'LINK_TEXT_MISMATCH',
      severity: 'warning',
      message: `${label} shows one address but goes to ${href}`,
      hint: 'make the text match the link, or use words instead of an address: filters read this as phishing',
    },
  ];
}

/** An http(s) URL that parses, written with its slashes and a host; undefined otherwise. */
export function parseWebUrl(href: string): URL | undefined {
  if (!/^https?:\/\/[^\s/?#]+/i.test(href) || /[\s<>"]/.test(href)) return undefined;
  try {
    const url = new URL(href);
    return url.hostname ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Link text that is itself an address ("example.com/page", "https://…", "me@example.com"). */
function urlInText(text: string): string | undefined {
  const candidate = text.trim();
  if (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(candidate)) return `mailto:${candidate}`;
  if (/^(https?:\/\/)?(www\.)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?([/?#]\S*)?$/i.test(candidate)) return candidate;
  return undefined;
}

/** Does the text show (a prefix of) where the link goes? Compared without scheme, "www." and a trailing slash. */
function shows(shown: string, href: string): boolean {
  const bare = (u: string) =>
    u
      .toLowerCase()
      .replace(/^(https?:\/\/|mailto:)/, '')
      .replace(/^www\./, '')
      .replace(/\/$/, '');
  const text = bare(shown);
  const target = bare(href);
  return target === text || (target.startsWith(text) && /^[/?#]/.test(target.slice(text.length)));
}

function unsubscribe(built: BuiltEdition): Diagnostic[] {
  const url = built.message.unsubscribeUrl;
  const links = built.page.links.filter((l) => l.href === url || /unsubscribe/i.test(l.text));
  if (links.length === 0) {
    return [
      diag(
        'UNSUBSCRIBE_MISSING',
        'error',
        'the message has no visible unsubscribe link',
        { file: layoutFile(built) },
        'add <a href="{{unsubscribe_url}}">Unsubscribe</a> to the footer',
      ),
    ];
  }
  const offset = Math.min(...links.map((l) => byteOffset(built.html, l.start)));
  if (offset < SIZE_LIMIT_BYTES) return [];
  return [
    diag(
      'UNSUBSCRIBE_CLIPPED',
      'error',
      `the unsubscribe link starts at byte ${offset}, after the ${SIZE_LIMIT_BYTES} bytes Gmail shows before clipping`,
      locate(built, '{{unsubscribe_url}}', layoutFile(built)),
      'shorten the edition, or place an unsubscribe link near the top',
    ),
  ];
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
