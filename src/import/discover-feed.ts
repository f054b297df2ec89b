// Feed autodiscovery: a writer often pastes a site's home page instead of its feed. The page's
// <link rel="alternate" type="application/rss+xml" href="..."> (or Atom, or JSON Feed) names the feed.
import { Parser } from 'htmlparser2';
import { webUrl } from './text.js';

const FEED_TYPES = /^application\/(rss\+xml|atom\+xml|feed\+json|json)$/i;

/** The first feed an HTML page links to, as an absolute http(s) URL. */
export function discoverFeed(html: string, pageUrl: string): string | undefined {
  let found: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (found || name !== 'link') return;
      const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('alternate') && FEED_TYPES.test((attributes.type ?? '').trim()))
        found = webUrl(attributes.href, pageUrl);
    },
  });
  parser.write(html);
  parser.end();
  return found;
}
