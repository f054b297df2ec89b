// Points a finding in the built HTML back at the file a writer can fix: the first content file, then the
// first template, that holds the text which caused it (a URL, a heading, a CSS property), with its line.
import { lineColumnAt } from '../content/text.js';
import type { Location } from '../diagnostics/diagnostic.js';
import type { BuiltEdition } from './rule.js';

export function locate(built: Pick<BuiltEdition, 'sources' | 'edition'>, needle: string | undefined, fallback?: string): Location {
  if (needle) {
    for (const source of built.sources) {
      const index = source.text.indexOf(needle);
      if (index >= 0) return { file: source.file, ...lineColumnAt(source.text, index) };
    }
  }
  return { file: fallback ?? built.edition.sources[0] };
}

/** The layout template the edition was rendered with, for findings that belong to the whole page. */
export function layoutFile(built: Pick<BuiltEdition, 'sources' | 'edition'>, kind: 'mjml' | 'txt' = 'mjml'): string {
  const name = `${built.edition.layout}.${kind}.hbs`;
  return built.sources.find((s) => s.file === name || s.file.endsWith(`/${name}`))?.file ?? built.edition.sources[0];
}
