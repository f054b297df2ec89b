// The data the pipeline passes along: what an article and an edition are once loaded.

export interface Article {
  /** File name without extension and without a leading "01-" order prefix. */
  slug: string;
  /** Project-relative path of the source file, for diagnostics. */
  file: string;
  title: string;
  dek?: string;
  author?: string;
  authorBio?: string;
  /** YYYY-MM-DD or an ISO 8601 timestamp, exactly as written. */
  date?: string;
  /** Canonical "read on the web" link. */
  url?: string;
  /** The site a linked item comes from (the links starter). */
  source?: string;
  image?: string;
  imageAlt?: string;
  /** BCP 47 tag, when the article's language is its own. */
  language?: string;
  tags: string[];
  /** Sanitised body HTML. */
  html: string;
  wordCount: number;
  /** Front matter keys newsletter does not know, passed to templates as they are. */
  extra: Record<string, unknown>;
}

export interface Edition {
  slug: string;
  /** The content files this edition was made from, project-relative (for the manifest and the cache). */
  sources: string[];
  subject: string;
  preheader?: string;
  date?: string;
  /** Layout name: templates/<layout>.mjml.hbs and .txt.hbs. */
  layout: string;
  /** BCP 47 tag from edition.md, overriding the config's. */
  language?: string;
  /** The editor's note from edition.md's body, sanitised HTML. */
  introHtml?: string;
  articles: Article[];
  /** Unknown edition.md keys, for templates. */
  extra: Record<string, unknown>;
}
