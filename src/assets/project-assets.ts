// Images the design names rather than the content: the config's logo (and its dark-mode variant), resolved
// against the config file, and `{{asset "logo.png"}}` in templates, resolved against the templates folder.
// Each edition publishes its own copy beside its index.html, like the content's images.
import type { Logo } from '../config/config.js';
import { displayPath } from '../content/discover.js';
import { lineColumnAt } from '../content/text.js';
import { isLocalRef } from '../content/urls.js';
import type { Project } from '../project.js';
import type { AssetCollector } from './collector.js';

export type DesignSources = Pick<Project, 'config' | 'configFile' | 'configSource' | 'templates' | 'paths'>;

/** `{{asset "logo.png"}}` or `{{asset 'logo.png'}}`: the names a template asks for. */
const ASSET_CALL = /\{\{~?\s*asset\s+(?:"([^"]+)"|'([^']+)')/g;

/** The logo with local images published (URLs unchanged when remote); undefined without a logo. */
export function publishLogo(project: DesignSources, collector: AssetCollector): Logo | undefined {
  const logo = project.config.logo;
  if (!logo) return undefined;
  const publish = (src: string) => {
    if (!isLocalRef(src)) return src;
    const index = project.configSource.indexOf(JSON.stringify(src).slice(1, -1));
    const at = index >= 0 ? lineColumnAt(project.configSource, index) : {};
    return collector.add(project.configFile, src, at)?.url ?? src;
  };
  return { ...logo, src: publish(logo.src), ...(logo.dark ? { dark: publish(logo.dark) } : {}) };
}

/** The images the edition's templates name with the `asset` helper, by name, as published URLs. */
export function publishTemplateAssets(
  project: DesignSources,
  layout: string,
  collector: AssetCollector,
): Record<string, string> {
  const base = displayPath(project.paths.root, project.paths.templates) || '.';
  const templates = [
    ...project.templates.layouts.filter((t) => t.name === layout),
    ...project.templates.partials,
  ];
  const urls: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const template of templates) {
    for (const match of template.source.matchAll(ASSET_CALL)) {
      const name = match[1] ?? match[2];
      if (Object.hasOwn(urls, name)) continue;
      const at = lineColumnAt(template.source, match.index);
      // resolved against templates/ itself, whichever partial names it
      const asset = collector.add(template.file, name, at, base);
      if (asset) urls[name] = asset.url;
    }
  }
  return urls;
}
