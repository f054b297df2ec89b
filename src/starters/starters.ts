// The starters: complete templates folders shipped in the package (starters/<name>/), one per kind of
// newsletter. `init` copies one into a project; a project without templates/ uses the default one.
// Adding a starter is its folder plus one line here (and its first content in content.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export const STARTERS = {
  digest: 'several stories and an editor’s note',
  story: 'one long read: a large headline and a lead image',
  links: 'a curated roundup: many short items, each a title, source, comment and link',
} as const;

export type StarterName = keyof typeof STARTERS;

export const DEFAULT_STARTER: StarterName = 'digest';

export const isStarter = (name: string): name is StarterName => Object.hasOwn(STARTERS, name);

/** The starter's templates folder inside the package. */
export const starterDir = (name: StarterName): string => join(PACKAGE_ROOT, 'starters', name);

// Each starter's layout names itself in its opening comment ("the links starter"), so `new` can write
// articles in the shape of the project's layout even after the writer has edited it.
const MARK = /\bthe (\w+) starter\b/;

/** Which starter a templates folder came from, read from its default layout; undefined when unknown. */
export function starterOf(templatesDir: string): StarterName | undefined {
  const layout = join(templatesDir, 'default.mjml.hbs');
  if (!existsSync(layout)) return undefined;
  const name = MARK.exec(readFileSync(layout, 'utf8').slice(0, 2000))?.[1];
  return name !== undefined && isStarter(name) ? name : undefined;
}
