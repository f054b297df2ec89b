// Which editions an export must build first, and why: build's cache read once for all of them.
import { existsSync } from 'node:fs';
import { BuildCache } from '../cache/build-cache.js';
import { keptEditionFile } from '../output/edition-output.js';
import type { Project } from '../project.js';
import { staleness } from '../send/stored-edition.js';

/** How many stale editions are told apart by the file that changed (each asks build's cache again). */
const NAMED_REASONS = 5;

/** The editions whose kept copy cannot be used as it is, with why: build's cache is read once for all. */
export async function staleEditions(
  project: Project,
  slugs: readonly string[],
  configPath: string,
): Promise<Map<string, string>> {
  const cache = await BuildCache.open(project);
  const stale = new Map<string, string>();
  let named = 0;
  for (const slug of slugs) {
    const entry = project.editions.find((e) => e.slug === slug)!;
    if ('fresh' in (await cache.check(entry))) continue;
    if (!existsSync(keptEditionFile(project.paths.out, slug))) stale.set(slug, 'not built yet');
    // The file that changed is named the way send names it, which reads the cache again: for the first
    // few only, so that a template change that makes a whole archive stale costs one reading, not one each.
    else if (named++ < NAMED_REASONS)
      stale.set(slug, (await staleness(project, slug, configPath)) ?? 'changed since the last build');
    else stale.set(slug, 'its sources, templates or config changed since the last build');
  }
  return stale;
}
