// The data the pipeline passes along: what an article and an edition are once loaded.
import type { EditionAsset } from '../assets/asset.js';
import type { Logo } from '../config/config.js';
import type { ArticleFieldValues } from './article-fields.js';

/** An article: the front matter fields of edition/article-fields.ts (a title always), and what was made of its body. */
export type Article = ArticleFieldValues & {
  /** File name without extension and without a leading "01-" order prefix. */
  slug: string;
  /** Project-relative path of the source file, for diagnostics. */
  file: string;
  title: string;
  /** Display width of a local lead image (from its file); remote images fill the column. */
  imageWidth?: number;
  /** Sanitised body HTML. */
  html: string;
  wordCount: number;
  /** Front matter keys newsletter does not know, passed to templates as they are. */
  extra: Record<string, unknown>;
};

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
  /** The local images it uses, each once (assets/edition-assets.ts); absent before that stage. */
  assets?: EditionAsset[];
  /** The config's logo with its local images published, and the `{{asset}}` helper's images by name. */
  logo?: Logo;
  templateAssets?: Record<string, string>;
}
