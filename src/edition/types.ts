// The data the pipeline passes along: what an article and an edition are once loaded.
import type { EditionAsset } from '../assets/asset.js';
import type { Logo } from '../config/config.js';

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
  /** Display width of a local lead image (from its file); remote images fill the column. */
  imageWidth?: number;
  imageAlt?: string;
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
  /** The editor's note from edition.md's body, sanitised HTML. */
  introHtml?: string;
  articles: Article[];
  /** Unknown edition.md keys, for templates. */
  extra: Record<string, unknown>;
  /** The local images it uses, each once (assets/edition-assets.ts); absent before that stage. */
  assets?: EditionAsset[];
  /** The config's logo with its local images published, and the `{{asset}}` helper's images by name. */
  logo?: Logo;
  templateAssets?: Record<string, string>;
}
