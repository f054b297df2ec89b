// What a web page says about itself, for a link in a roundup: Open Graph first, then the Twitter card, then
// JSON-LD (schema.org Article and kin), then plain <title> and <meta name="description">. Read with
// htmlparser2 (already a dependency): the page is data, nothing in it runs.
import { Parser } from 'htmlparser2';
import { isoDay, webUrl } from './text.js';

export interface PageMetadata {
  title?: string;
  description?: string;
  image?: string;
  imageAlt?: string;
  siteName?: string;
  author?: string;
  date?: string;
}

type JsonLd = Record<string, unknown>;

export function readPageMetadata(html: string, pageUrl: string): PageMetadata {
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  let title = '';
  let inTitle = false;
  let inJsonLd = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase();
          if (key && attributes.content !== undefined && !meta.has(key)) meta.set(key, attributes.content);
        } else if (name === 'title') inTitle = title === '';
        else if (name === 'script') {
          inJsonLd = /ld\+json/i.test(attributes.type ?? '');
          if (inJsonLd) jsonLd.push('');
        }
      },
      ontext(text) {
        if (inTitle) title += text;
        if (inJsonLd) jsonLd[jsonLd.length - 1] += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script') inJsonLd = false;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();

  const ld = articleLd(jsonLd);
  const get = (...keys: string[]) => keys.map((k) => meta.get(k)?.trim()).find((v) => v);
  const image = webUrl(
    get('og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ??
      ldImage(ld?.image),
    pageUrl,
  );
  const authorMeta = get('author', 'article:author');
  return {
    title:
      get('og:title', 'twitter:title') ??
      ldText(ld?.headline) ??
      ldText(ld?.name) ??
      (title.trim() || undefined),
    description: get('og:description', 'twitter:description', 'description') ?? ldText(ld?.description),
    image,
    imageAlt: image ? get('og:image:alt', 'twitter:image:alt') : undefined,
    siteName: get('og:site_name', 'application-name') ?? ldName(ld?.publisher),
    // article:author is often a profile URL: a name is wanted here
    author:
      (authorMeta && !/^https?:/i.test(authorMeta) ? authorMeta : undefined) ??
      ldName(ld?.author) ??
      get('twitter:creator'),
    date: isoDay(get('article:published_time', 'date', 'dc.date') ?? ldText(ld?.datePublished)),
  };
}

/** The most article-like JSON-LD object on the page (an Article, else the first with a name). */
function articleLd(blocks: string[]): JsonLd | undefined {
  const objects: JsonLd[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      objects.push(value as JsonLd);
      if (Array.isArray((value as JsonLd)['@graph'])) collect((value as JsonLd)['@graph']);
    }
  };
  for (const block of blocks) {
    try {
      collect(JSON.parse(block));
    } catch {
      // a malformed block is skipped: the page's other metadata still counts
    }
  }
  const typeOf = (o: JsonLd) => [o['@type']].flat().join(' ');
  return (
    objects.find((o) => /Article|BlogPosting|Report|Posting/.test(typeOf(o))) ??
    objects.find((o) => o.headline || o.name)
  );
}

const ldText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

function ldName(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return ldText(first) ?? (first && typeof first === 'object' ? ldText((first as JsonLd).name) : undefined);
}

function ldImage(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return ldText(first) ?? (first && typeof first === 'object' ? ldText((first as JsonLd).url) : undefined);
}
