// What an export run was asked for: which editions, which platforms. Checked whole before anything is built
// or written, so that a typo in a batch is a usage error (exit 2), not a half-written archive.
//
// `--all` means everything the command line did not name: every edition when no slug is given, every
// platform when no --platform is (so `export <slug> --all` is that edition for every platform, and
// `export --all --platform kit` every edition for Kit).
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Platform } from './platform.js';
import { PLATFORMS, PLATFORM_NAMES } from './registry.js';

export interface ExportAsk {
  slugs: readonly string[];
  platform?: readonly string[];
  all?: boolean;
}

export type Choice = { slugs: string[]; platforms: Platform[] } | { problems: Diagnostic[] };

export function choose(ask: ExportAsk, editions: readonly string[], contentLabel: string): Choice {
  const names = PLATFORM_NAMES.join(', ');
  const asked = ask.platform ?? [];
  const problems: Diagnostic[] = [];
  if (ask.all && asked.length > 0 && ask.slugs.length > 0)
    problems.push(
      diag(
        'EXPORT_PLATFORM',
        'error',
        'give --platform or --all, not both',
        {},
        `with editions named, --all means every platform (${names})`,
      ),
    );
  else if (!ask.all && asked.length === 0)
    problems.push(
      diag('EXPORT_PLATFORM', 'error', 'no platform given', {}, `--platform <name> (${names}) or --all`),
    );
  for (const name of new Set(asked.filter((n) => !PLATFORM_NAMES.includes(n))))
    problems.push(diag('EXPORT_PLATFORM', 'error', `unknown platform "${name}"`, {}, `platforms: ${names}`));
  if (!ask.all && ask.slugs.length === 0)
    problems.push(
      diag('EXPORT_EDITIONS', 'error', 'no edition given', {}, 'name editions, or --all for every edition'),
    );
  const unknown = [...new Set(ask.slugs.filter((slug) => !editions.includes(slug)))];
  if (unknown.length > 0)
    problems.push(
      ...unknown.map((slug) =>
        diag(
          'UNKNOWN_EDITION',
          'error',
          `no edition "${slug}" in ${contentLabel}`,
          {},
          `editions: ${editions.slice(0, 20).join(', ')}${editions.length > 20 ? ', …' : ''}`,
        ),
      ),
    );
  if (problems.length > 0) return { problems };
  return {
    slugs: ask.slugs.length > 0 ? [...new Set(ask.slugs)] : [...editions],
    platforms: asked.length > 0 ? PLATFORMS.filter((p) => asked.includes(p.name)) : [...PLATFORMS],
  };
}
