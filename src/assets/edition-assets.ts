// The assets stage, between assembling an edition and rendering it: every local image the edition names
// (Markdown images and <img> in articles and the editor's note, front matter `image`) is read, checked,
// given its display size and its published URL, and listed once in `edition.assets`. A missing, unreadable
// or out-of-project image is an error at the file and line that names it: the edition fails, and its
// previous output stays as it was.
import type { Config } from '../config/config.js';
import type { EditionSource } from '../content/discover.js';
import { keyPosition } from '../content/fields.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Article, Edition } from '../edition/types.js';
import { AssetCollector } from './collector.js';
import { densityOf, displaySize } from './display-size.js';
import { rewriteImages } from './html-images.js';
import { isLocalRef } from './image-file.js';
import { NamingLines } from './naming-lines.js';
import { publishLogo, publishTemplateAssets, type DesignSources } from './project-assets.js';

/** The edition's folder URL: `<url>/<slug>`, as `web_version_url` names it. */
export const editionUrl = (config: Pick<Config, 'url'>, slug: string): string =>
  `${config.url.replace(/\/+$/, '')}/${encodeURIComponent(slug)}`;

export function resolveEditionAssets(
  edition: Edition,
  project: DesignSources,
  source: EditionSource,
): { edition?: Edition; diagnostics: Diagnostic[] } {
  const collector = new AssetCollector(project.paths.root, editionUrl(project.config, edition.slug));
  const naming = new NamingLines(source);
  const html = (markup: string, file: string, density: unknown) =>
    rewriteImages(markup, ({ attribs }) => {
      const src = attribs.src ?? '';
      if (!isLocalRef(src)) return attribs;
      const asset = collector.add(file, src, naming.find(file, src));
      if (!asset) return attribs;
      const size = displaySize(asset, densityOf(src, density), attribs.width);
      const { src: _src, width: _width, height: _height, ...rest } = attribs;
      return { src: asset.url, ...rest, width: String(size.width), height: String(size.height) };
    });

  const articles = edition.articles.map((article): Article => {
    const density = article.extra.image_density;
    const withBody = { ...article, html: html(article.html, article.file, density) };
    if (!article.image || !isLocalRef(article.image)) return withBody;
    const asset = collector.add(
      article.file,
      article.image,
      keyPosition(naming.linesOf(article.file).join('\n'), 'image'),
    );
    if (!asset) return withBody;
    const size = displaySize(asset, densityOf(article.image, density));
    return { ...withBody, image: asset.url, imageWidth: size.width };
  });
  const introFile = edition.sources.find((f) => /(^|\/)edition\.md$/.test(f));
  const intro =
    edition.introHtml !== undefined && introFile
      ? { introHtml: html(edition.introHtml, introFile, edition.extra.image_density) }
      : {};
  const logo = publishLogo(project, collector);
  const templateAssets = publishTemplateAssets(project, edition.layout, collector);
  if (collector.diagnostics.length > 0) return { diagnostics: collector.diagnostics };
  return {
    edition: {
      ...edition,
      articles,
      ...intro,
      ...(logo ? { logo } : {}),
      templateAssets,
      assets: [...collector.assets.values()],
    },
    diagnostics: [],
  };
}
