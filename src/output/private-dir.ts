// out/.newsletter/: newsletter's private working state beside the publishable output. A module of its
// own, light enough to be read before anything else loads (see workers/early-mjml.ts).
import { join } from 'node:path';

export const PRIVATE_DIR = '.newsletter';

/** What builds keep for the next one: deleting it is always safe. */
export const cacheDirIn = (outDir: string): string => join(outDir, PRIVATE_DIR, 'cache');

/** Compiled MJML skeletons kept between builds (render/fast/skeleton-store.ts). */
export const skeletonDirIn = (outDir: string): string => join(cacheDirIn(outDir), 'mjml');

/** The incremental build cache (cache/build-cache.ts). */
export const buildCacheFile = (outDir: string): string => join(cacheDirIn(outDir), 'editions.json');
