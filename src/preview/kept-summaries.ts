// What the index can show of an edition before the preview has built it: the manifest that `build` kept in
// out/<slug>/, when the build cache says that output is still current (same content, templates, config and
// version of newsletter). Anything stale, missing or unreadable is simply left out: the row then shows
// "building" until the preview's own build of it lands.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildCache } from '../cache/build-cache.js';
import type { Manifest } from '../output/edition-output.js';
import type { Project } from '../project.js';

export interface KeptSummary {
  subject: string;
  preheader: string | null;
  date: string | null;
  /** The HTML's size, as build wrote it. */
  bytes?: number;
  errors: number;
  warnings: number;
}

export async function readKeptSummaries(project: Project): Promise<Map<string, KeptSummary>> {
  const summaries = new Map<string, KeptSummary>();
  const cache = await BuildCache.open(project);
  if (cache.size === 0) return summaries;
  for (const entry of project.editions) {
    const freshness = await cache.check(entry).catch(() => ({ stale: true }) as const);
    if (!('fresh' in freshness)) continue;
    const summary = readManifest(join(project.paths.out, entry.slug, 'manifest.json'));
    if (summary) summaries.set(entry.slug, summary);
  }
  return summaries;
}

function readManifest(file: string): KeptSummary | undefined {
  try {
    // synchronous: a thousand small files one after another, without a thread-pool round trip each
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (typeof manifest.subject !== 'string' || !Array.isArray(manifest.diagnostics)) return undefined;
    return {
      subject: manifest.subject,
      preheader: manifest.preheader ?? null,
      date: manifest.date ?? null,
      bytes: manifest.files?.['index.html']?.bytes,
      errors: manifest.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: manifest.diagnostics.filter((d) => d.severity === 'warning').length,
    };
  } catch {
    return undefined;
  }
}
