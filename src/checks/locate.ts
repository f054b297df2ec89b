// Points a finding in the built HTML back at the file a writer can fix: the first content file, then the
// first template, then the config file, that holds the text which caused it (a URL, a heading, a CSS
// property, a colour), with its line. Several needles are tried in turn.
import { lineColumnAt } from '../content/text.js';
import type { Location } from '../diagnostics/diagnostic.js';
import type { BuiltEdition } from './rule.js';

export function locate(
  built: Pick<BuiltEdition, 'sources' | 'edition'>,
  needles: string | undefined | (string | undefined)[],
  fallback?: string,
): Location {
  for (const needle of [needles].flat()) {
    if (!needle) continue;
    for (const source of built.sources) {
      const index = source.text.indexOf(needle);
      if (index >= 0) return { file: source.file, ...lineColumnAt(source.text, index) };
    }
  }
  return { file: fallback ?? built.edition.sources[0] };
}

/** A URL as written in the source: tracking parameters (UTM) may have been added to the built link. */
export const urlNeedles = (url: string): string[] => [url, url.split(/[?#]/)[0]];

/** The layout template the edition was rendered with, for findings that belong to the whole page. */
export function layoutFile(
  built: Pick<BuiltEdition, 'sources' | 'edition'>,
  kind: 'mjml' | 'txt' = 'mjml',
): string {
  const name = `${built.edition.layout}.${kind}.hbs`;
  return (
    built.sources.find((s) => s.file === name || s.file.endsWith(`/${name}`))?.file ??
    built.edition.sources[0]
  );
}
