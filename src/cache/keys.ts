// What an edition's output depends on, as two digests: the settings (the tool, the config, the
// environment that reaches the output, the templates of the edition's layout and every partial) and the
// content (its files' paths and bytes). Equal digests, equal output: see "Same inputs, same bytes" in the
// design guide.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditionSource } from '../content/discover.js';
import type { Project } from '../project.js';
import { digest } from './digest.js';
import { toolFingerprint } from './tool.js';
import { renderPath } from '../render/render-path.js';
import { cacheDirIn } from '../output/private-dir.js';

/** Bump when the cache file or what the digests cover changes shape. */
export const CACHE_FORMAT = 1;

export function settingsKey(
  project: Pick<Project, 'configSource' | 'templates' | 'paths'>,
  layout: string,
): string {
  const templates = [
    ...project.templates.layouts.filter((t) => t.name === layout),
    ...project.templates.partials,
  ];
  return digest([
    String(CACHE_FORMAT),
    toolFingerprint(cacheDirIn(project.paths.out)),
    project.configSource,
    // the .eml Date of an undated edition comes from SOURCE_DATE_EPOCH
    process.env.SOURCE_DATE_EPOCH ?? '',
    // NEWSLETTER_RENDER: both paths give the same bytes, but switching must rebuild, or a difference between
    // them could not be seen
    renderPath(),
    layout,
    ...templates.flatMap((t) => [t.file, t.source]),
  ]);
}

/**
 * The config and every template, as one digest: the two workers of a pair each load the project, and an
 * edition rendered with one version must not be checked, written and remembered with another.
 */
export const projectKey = (project: Pick<Project, 'configSource' | 'templates'>): string =>
  digest([
    project.configSource,
    ...[...project.templates.layouts, ...project.templates.partials].flatMap((t) => [t.file, t.source]),
  ]);

const contentFiles = (source: EditionSource) => [
  ...(source.editionFile ? [source.editionFile] : []),
  ...source.articles,
];

export const contentKey = (source: EditionSource): string =>
  digest([source.slug, ...contentFiles(source).flatMap((f) => [f.file, f.bytes])]);

/**
 * The content key of an edition that also uses local images (project-relative paths): their bytes count
 * too, so a changed image rebuilds the edition. Undefined when one of them cannot be read any more.
 */
export function contentKeyWithImages(
  root: string,
  source: EditionSource,
  images: readonly string[],
): string | undefined {
  if (images.length === 0) return contentKey(source);
  const parts: (string | Uint8Array)[] = [contentKey(source)];
  for (const image of images) {
    const bytes = readOptional(join(root, image));
    if (!bytes) return undefined;
    parts.push(image, bytes);
  }
  return digest(parts);
}

function readOptional(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The content files an edition was read from, project-relative. */
export const sourceFiles = (source: EditionSource): string[] => contentFiles(source).map((f) => f.file);
