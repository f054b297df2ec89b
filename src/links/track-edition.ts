// UTM tracking for a whole edition, applied to the model before templating: the article bodies, the
// editor's note and each article's own web link. The HTML part and the plain text are both made from these
// fields, so every part (and preview, send and export after them) carries the same tracked URLs; links the
// templates write themselves (footer, web version) are left alone.
import type { Config } from '../config/config.js';
import type { Edition } from '../edition/types.js';
import { escapeHtml } from '../render/tokens.js';
import { trackUrl, type TrackingParameters } from './track-url.js';

/** The edition with tracked links, or the same object when tracking is off. */
export function trackEdition(edition: Edition, config: Config): Edition {
  const utm = config.utm;
  if (!utm) return edition;
  // the unsubscribe URL up to its first recipient field: what every filled copy starts with
  const unsubscribeUrls = [config.unsubscribeUrl.split('{{')[0]!, config.preferencesUrl];
  const base = { source: utm.source, medium: utm.medium, campaign: utm.campaign ?? edition.slug };
  const parameters = (prefix: string, position: number | 'web'): TrackingParameters =>
    utm.content ? { ...base, content: `${prefix}-${position}` } : base;
  const track = (url: string, prefix: string, position: number | 'web') =>
    trackUrl(url, utm, parameters(prefix, position), unsubscribeUrls);

  const tracked: Edition = {
    ...edition,
    articles: edition.articles.map((article) => ({
      ...article,
      html: trackHtmlLinks(article.html, (url, n) => track(url, article.slug, n)),
      ...(article.url ? { url: track(article.url, article.slug, 'web') } : {}),
    })),
  };
  if (edition.introHtml !== undefined)
    tracked.introHtml = trackHtmlLinks(edition.introHtml, (url, n) => track(url, 'intro', n));
  return tracked;
}

/** Rewrites the href of every <a> in sanitised HTML; `position` counts the links from 1, in document order. */
export function trackHtmlLinks(html: string, rewrite: (url: string, position: number) => string): string {
  let position = 0;
  return html.replace(/<a\b[^>]*>/gi, (tag) =>
    tag.replace(/(\shref=")([^"]*)(")/i, (_, open: string, value: string, close: string) => {
      position += 1;
      return `${open}${escapeHtml(rewrite(decodeAttribute(value), position))}${close}`;
    }),
  );
}

// sanitize-html writes attribute values with these five references and no others.
const decodeAttribute = (value: string): string =>
  value.replace(
    /&(amp|quot|lt|gt|#39);/g,
    (_, name: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" })[name]!,
  );
