// The edition as `build` keeps it for send: out/.newsletter/editions/<slug>.json with the HTML and text whose
// recipient fields are still tokens, and the message metadata. Send never renders MJML;
// when that copy is missing or older than anything it was built from, it runs `build` for the edition first.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath } from '../content/discover.js';
import { keptEditionFile, type KeptEdition as KeptFile, type StoredEdition } from '../output/edition-output.js';
import type { Project } from '../project.js';

export interface KeptEdition {
  stored: StoredEdition;
  html: string;
  text: string;
}

export async function readKeptEdition(outDir: string, slug: string): Promise<KeptEdition | undefined> {
  try {
    const { html, text, mjml: _mjml, ...stored } = JSON.parse(await readFile(keptEditionFile(outDir, slug), 'utf8')) as KeptFile;
    if (typeof html !== 'string' || typeof text !== 'string') return undefined;
    return { stored, html, text };
  } catch {
    return undefined;
  }
}

/** Why the kept edition cannot be used as it is ("not built yet", "content/x.md changed"), or undefined. */
export async function staleness(project: Project, slug: string, configPath: string): Promise<string | undefined> {
  const entry = project.editions.find((e) => e.slug === slug)!;
  const built = await mtime(keptEditionFile(project.paths.out, slug));
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
