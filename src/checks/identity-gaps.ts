// What the page and the message lack only because the config has not said who the newsletter is: no From
// header without a From, an unsubscribe link going nowhere without an unsubscribe URL, a relative web
// version link without a url. IDENTITY_MISSING says so once, at the config (a warning in build, an error
// in check --strict and send); the rules leave these out rather than turn the same gap into errors.
import type { Config } from '../config/config.js';

export interface IdentityGaps {
  /** Headers that cannot be there. */
  headers: ReadonlySet<string>;
  /** No unsubscribe URL: one-click List-Unsubscribe cannot be. */
  oneClick: boolean;
  /** Link addresses that a recipient field filled from a missing value gives. */
  hrefs: ReadonlySet<string>;
}

export function identityGaps(config: Config, slug: string): IdentityGaps {
  const headers = new Set<string>();
  if (!config.from) headers.add('From');
  if (!config.listId) headers.add('List-Id');
  if (!config.unsubscribeUrl) headers.add('List-Unsubscribe-Post');
  if (!config.unsubscribeUrl && !config.unsubscribeMailto) headers.add('List-Unsubscribe');
  const hrefs = new Set<string>();
  if (!config.unsubscribeUrl || !config.preferencesUrl) hrefs.add('');
  if (!config.url) hrefs.add(`/${slug}/`); // web_version_url without a base (output/edition-output.ts)
  return { headers, oneClick: !config.unsubscribeUrl, hrefs };
}
