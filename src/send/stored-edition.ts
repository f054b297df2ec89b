// The edition as `build` keeps it for send: out/.newsletter/editions/<slug>.json with the HTML and text whose
// recipient fields are still tokens, and the message metadata. Send never renders MJML;
// when that copy is missing or stale (as build's cache judges it), it runs `build` for the edition first.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { displayPath } from '../content/discover.js';
import {
  keptEditionFile,
  type KeptEdition as KeptFile,
  type StoredEdition,
} from '../output/edition-output.js';
import type { Project } from '../project.js';
import { BuildCache } from '../cache/build-cache.js';
import { inlineImage, type InlineImage } from '../assets/inline-images.js';

export interface KeptEdition {
  stored: StoredEdition;
  html: string;
  text: string;
}

export async function readKeptEdition(outDir: string, slug: string): Promise<KeptEdition | undefined> {
  try {
    const {
      html,
      text,
      mjml: _mjml,
      ...stored
    } = JSON.parse(await readFile(keptEditionFile(outDir, slug), 'utf8')) as KeptFile;
    if (typeof html !== 'string' || typeof text !== 'string') return undefined;
    return { stored, html, text };
  } catch {
    return undefined;
  }
}

/**
 * Why the kept edition cannot be used as it is ("not built yet", "content/x.md changed since the last
 * build"), or undefined. Decided as `build` decides it, by its cache (the bytes of the sources, the
 * templates, the config, the output), so send, export and build agree; file times only name the culprit.
 */
export async function staleness(
  project: Project,
  slug: string,
  configPath: string,
): Promise<string | undefined> {
  const entry = project.editions.find((e) => e.slug === slug)!;
  const built = await mtime(keptEditionFile(project.paths.out, slug));
  if (built === undefined) return 'not built yet';
  const cache = await BuildCache.open(project);
  if ('fresh' in (await cache.check(entry))) return undefined;
  return (
    (await newerInput(project, entry, configPath, built)) ??
    'its sources or output changed since the last build'
  );
}

/** The first source, template or config file changed after `built`, by file times. */
async function newerInput(
  project: Project,
  entry: Project['editions'][number],
  configPath: string,
  built: number,
): Promise<string | undefined> {
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
    if (changed !== undefined && changed > built)
      return `${displayPath(project.paths.root, input)} changed since the last build`;
  }
  return undefined;
}

async function filesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(dir, e.name));
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

/** The kept edition's local images, read back from out/<slug>/ to embed them; a missing one is named. */
export async function readStoredImages(
  outDir: string,
  kept: KeptEdition,
): Promise<{ images: InlineImage[] } | { missing: string }> {
  const images: InlineImage[] = [];
  for (const asset of kept.stored.assets ?? []) {
    const path = join(outDir, kept.stored.slug, asset.name);
    try {
      images.push(inlineImage(asset, await readFile(path)));
    } catch {
      return { missing: path };
    }
  }
  return { images };
}
