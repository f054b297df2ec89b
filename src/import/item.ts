// What one imported link becomes: the fields of an article in the `links` shape (see write-edition.ts).
export interface ImportItem {
  title: string;
  /** The item's link: the article's `url`. */
  url: string;
  /** The site's name. */
  source?: string;
  author?: string;
  /** YYYY-MM-DD. */
  date?: string;
  image?: string;
  imageAlt?: string;
  dek?: string;
  /** The writer's comment (from a --urls line): the article's body. */
  comment?: string;
}

/** An item the import left out, and why (`label` names it for the writer: its title or its URL). */
export interface Skipped {
  label: string;
  reason: string;
}
