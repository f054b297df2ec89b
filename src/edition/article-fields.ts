// The article fields a writer sets in front matter: one table that the front matter reader (content/fields.ts),
// the Article type (edition/types.ts) and the template view (render/view.ts) all read. A new field is one
// line here; its key in front matter is also its name in templates.

/** How a field's value is read: free text, an http(s) URL, a date, a BCP 47 language tag, or a list of words. */
export type FieldKind = 'text' | 'url' | 'date' | 'language' | 'words';

export interface ArticleField {
  /** The key in front matter and in templates (`{{author_bio}}` inside `{{#each articles}}`). */
  key: string;
  kind: FieldKind;
}

export const ARTICLE_FIELDS = {
  title: { key: 'title', kind: 'text' },
  /** One-line summary under the title. */
  dek: { key: 'dek', kind: 'text' },
  author: { key: 'author', kind: 'text' },
  authorBio: { key: 'author_bio', kind: 'text' },
  /** YYYY-MM-DD or an ISO 8601 timestamp, exactly as written. */
  date: { key: 'date', kind: 'date' },
  /** Canonical "read on the web" link. */
  url: { key: 'url', kind: 'url' },
  /** The site a linked item comes from ("The Verge"): the links starter shows it beside the title. */
  source: { key: 'source', kind: 'text' },
  image: { key: 'image', kind: 'url' },
  imageAlt: { key: 'image_alt', kind: 'text' },
  tags: { key: 'tags', kind: 'words' },
  /** BCP 47 tag when the article is in another language than its edition (its section's lang and dir). */
  language: { key: 'language', kind: 'language' },
} as const satisfies Record<string, ArticleField>;

export type ArticleFieldName = keyof typeof ARTICLE_FIELDS;

type ValueOf<K extends FieldKind> = K extends 'words' ? string[] : string;

/** The fields as front matter gives them: each one may be missing, except the tags (an empty list). */
export type ArticleFieldValues = {
  [N in ArticleFieldName]?: ValueOf<(typeof ARTICLE_FIELDS)[N]['kind']>;
} & { tags: string[] };

/** Field name by front matter key: 'author_bio' -> 'authorBio'. */
export const FIELD_BY_KEY: ReadonlyMap<string, ArticleFieldName> = new Map(
  Object.entries(ARTICLE_FIELDS).map(([name, field]) => [field.key, name as ArticleFieldName]),
);
