// The data templates see. Every documented key is present (null when the content lacks it), because
// templates compile in strict mode: a misspelt variable is an error, an absent optional field is not.
import type { Config } from '../config/config.js';
import { ARTICLE_FIELDS, type ArticleFieldName } from '../edition/article-fields.js';
import type { Article, Edition } from '../edition/types.js';
import { COLUMN_WIDTH } from '../assets/display-size.js';
import { htmlToPlainText } from './plain-text.js';
import { scrollTables } from './scroll-tables.js';
import { articlePlacement, editionPlacement, type Placement } from '../i18n/edition-language.js';

export type BodyFormat = 'html' | 'text';

export function editionView(
  edition: Edition,
  config: Config,
  format: BodyFormat,
  SafeString: new (s: string) => unknown,
) {
  const body = (html: string) =>
    format === 'html' ? { body: new SafeString(scrollTables(html)), links: [] } : textBody(html);
  const intro = edition.introHtml === undefined ? undefined : body(edition.introHtml);
  const placed = editionPlacement(edition, config);
  return {
    newsletter: {
      name: config.name,
      url: config.url,
      // the edition's language (edition.md may set its own), so layouts written for one language follow it
      language: placed.language,
      logo: logoView(edition.logo ?? config.logo),
      colors: config.colors,
    },
    edition: {
      ...edition.extra,
      slug: edition.slug,
      subject: edition.subject,
      preheader: edition.preheader ?? null,
      date: edition.date ?? null,
      intro: intro?.body ?? null,
      intro_links: intro?.links ?? [],
      ...placed,
    },
    articles: edition.articles.map((article, index) => articleView(article, index, body, placed)),
  };
}

function articleView(
  article: Article,
  index: number,
  body: (html: string) => { body: unknown; links: { n: number; url: string }[] },
  edition: Placement,
) {
  const { body: content, links } = body(article.html);
  const { own, ...placed } = articlePlacement(article, edition);
  return {
    ...article.extra,
    index,
    first: index === 0,
    slug: article.slug,
    ...fieldsView(article),
    image_width: article.imageWidth ?? COLUMN_WIDTH,
    words: article.wordCount,
    body: content,
    links,
    ...placed,
    /** True when the article's language is not its edition's: its section then carries lang and dir. */
    own_language: own,
  };
}

/** Every field of the table under its template name, null when the article lacks it. */
function fieldsView(article: Article): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(ARTICLE_FIELDS).map(([name, field]) => [
      field.key,
      article[name as ArticleFieldName] ?? null,
    ]),
  );
}

function textBody(html: string) {
  const { text, links } = htmlToPlainText(html);
  return { body: text, links: links.map((url, i) => ({ n: i + 1, url })) };
}

/** The logo, with `dark` present (null without one) so `{{#if newsletter.logo.dark}}` is safe in strict mode. */
const logoView = (logo: Config['logo']) => (logo ? { ...logo, dark: logo.dark ?? null } : null);
