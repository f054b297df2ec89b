// Who a newsletter says it is: From, Reply-To, List-Id, its web address, unsubscribe URL and postal
// address. The built-in defaults are empty, so a project that has not said who it is hears about it: a
// warning in `build` (the writer still sees the edition), an error in `check --strict` and in `send` to a real
// server. Values on domains reserved for examples (RFC 2606, RFC 6761) are reported the same way: mail from
// them bounces, and links to them lead nowhere.
import type { Config } from './config.js';
import { mailboxDomain } from './mailbox.js';
import { diag, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';

/** What a newsletter cannot go out without (CAN-SPAM wants the postal address, RFC 8058 the unsubscribe URL). */
const REQUIRED = {
  from: 'messages have no sender',
  url: 'the web version and the archive have no address',
  unsubscribeUrl: 'readers have no way to unsubscribe',
  postalAddress: 'the footer has no postal address, which CAN-SPAM requires',
} as const;

const EXAMPLES = {
  from: 'Your Name <you@yourdomain.com>',
  url: 'https://yourdomain.com/newsletter',
  unsubscribeUrl: 'https://yourdomain.com/unsubscribe',
  postalAddress: 'Your Name, 1 Street, City, Country',
} as const;

/** Keys whose value names a domain. */
const DOMAIN_KEYS = [
  'from',
  'replyTo',
  'url',
  'unsubscribeUrl',
  'preferencesUrl',
  'unsubscribeMailto',
  'listId',
] as const;

export interface IdentityWhere {
  /** The config file as diagnostics name it. */
  file: string;
  /** Whether that file exists: a missing key of an existing file is reported at its first line. */
  exists: boolean;
  lineOf(key: string): number | undefined;
}

export interface IdentityOptions {
  severity: Severity;
  /**
   * Whether `"sample": true` in the config excuses example domains (build and check). `send` to a real
   * server passes false: a sample's identity must never reach a real inbox.
   */
  honourSample: boolean;
}

export function identityFindings(
  config: Config,
  where: IdentityWhere,
  options: IdentityOptions,
): Diagnostic[] {
  const at = (key: string) => ({
    file: where.file,
    ...(where.exists ? { line: where.lineOf(key) ?? 1 } : {}),
  });
  const findings: Diagnostic[] = [];
  for (const [key, why] of Object.entries(REQUIRED) as [keyof typeof REQUIRED, string][]) {
    if (config[key].trim() !== '') continue;
    findings.push(
      diag(
        'IDENTITY_MISSING',
        options.severity,
        `"${key}" is not set: ${why}`,
        at(key),
        `add "${key}": "${EXAMPLES[key]}" to ${where.file} (\`newsletter init\` writes one)`,
      ),
    );
  }
  if (options.honourSample && config.sample) return findings;
  const fromDomain = mailboxDomain(config.from);
  for (const key of DOMAIN_KEYS) {
    const value = config[key];
    if (!value) continue;
    const domain = domainOf(key, value);
    // a List-Id derived from From names From's domain: one finding is enough
    if (!domain || !isReservedDomain(domain) || (key === 'listId' && domain === fromDomain)) continue;
    findings.push(
      diag(
        'IDENTITY_EXAMPLE_DOMAIN',
        options.severity,
        `"${key}" is on ${domain}, a domain reserved for examples: mail from it bounces and links to it lead nowhere`,
        at(key),
        `use your own domain${config.sample ? ' (this project is marked "sample": fine for trying things out, never for real readers)' : ''}`,
      ),
    );
  }
  return findings;
}

/** example.com, .net, .org and their subdomains; the .test, .example, .invalid and .localhost top-level domains. */
export function isReservedDomain(domain: string): boolean {
  const name = domain.toLowerCase().replace(/\.$/, '');
  return /(^|\.)example\.(com|net|org)$/.test(name) || /(^|\.)(test|example|invalid|localhost)$/.test(name);
}

function domainOf(key: (typeof DOMAIN_KEYS)[number], value: string): string {
  if (key === 'from' || key === 'replyTo') return mailboxDomain(value);
  if (key === 'unsubscribeMailto') return value.slice(value.lastIndexOf('@') + 1).toLowerCase();
  if (key === 'listId') return (/<([^<>]+)>\s*$/.exec(value)?.[1] ?? value).trim().toLowerCase();
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** List-Id from the name and From's domain (RFC 2919), unless the config sets one; '' without a From. */
export function derivedListId(name: string, from: string): string {
  const domain = mailboxDomain(from);
  if (!domain) return '';
  return name.trim() ? `${name.trim()} <${domain}>` : `<${domain}>`;
}
