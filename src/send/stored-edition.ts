// The edition as `build` keeps it for send: out/.newsletter/editions/<slug>/ with the HTML and text whose
// recipient fields are still tokens, and edition.json with the message metadata. Send never renders MJML;
// when that copy is missing or older than anything it was built from, it runs `build` for the edition first.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath } from '../content/discover.js';
import { PRIVATE_DIR, type StoredEdition } from '../output/edition-output.js';
import type { Project } from '../project.js';

export interface KeptEdition {
  stored: StoredEdition;
  html: string;
  text: string;
}

export const keptEditionDir = (outDir: string, slug: string): string => join(outDir, PRIVATE_DIR, 'editions', slug);

export async function readKeptEdition(outDir: string, slug: string): Promise<KeptEdition | undefined> {
  const dir = keptEditionDir(outDir, slug);
  try {
    const [stored, html, text] = await Promise.all([
      readFile(join(dir, 'edition.json'), 'utf8').then((json) => JSON.parse(json) as StoredEdition),
      readFile(join(dir, 'index.html'), 'utf8'),
      readFile(join(dir, 'index.txt'), 'utf8'),
    ]);
    return { stored, html, text };
  } catch {
    return undefined;
  }
}

/** Why the kept edition cannot be used as it is ("not built yet", "content/x.md changed"), or undefined. */
export async function staleness(project: Project, slug: string, configPath: string): Promise<string | undefined> {
  const entry = project.editions.find((e) => e.slug === slug)!;
  const built = await mtime(join(keptEditionDir(project.paths.out, slug), 'edition.json'));
  if (built === undefined) return 'not built yet';
  // The folders themselves too: removing or renaming a file changes its folder's time, not the file's.
  const partials = join(project.paths.templates, 'partials');
  const inputs = [
    ...(entry.folder ? [entry.path, ...(await filesIn(entry.path))] : [entry.path]),
    project.paths.templates,
    ...(await filesIn(project.paths.templates)),
    partials,
    ...(await filesIn(partials)),
    configPath,
  ];
  for (const input of inputs) {
    const changed = await mtime(input);
    if (changed !== undefined && changed > built) return `${displayPath(project.paths.root, input)} changed since the last build`;
  }
  return undefined;
}

async function filesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

async function mtime(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}
