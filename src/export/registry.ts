// The platforms are the files in platforms/: adding one is adding a file (and its test), nothing else.
import { readdir } from 'node:fs/promises';
import type { Platform } from './platform.js';

const DIR = new URL('./platforms/', import.meta.url);
// Built files run as .js; the tests import the sources (.ts) directly.
const MODULE = /^[a-z][a-z0-9-]*\.(?:js|ts)$/;

let loaded: Promise<Platform[]> | undefined;

/** Every platform, by name. */
export function loadPlatforms(): Promise<Platform[]> {
  loaded ??= (async () => {
    const files = (await readdir(DIR)).filter((name) => MODULE.test(name)).sort();
    const platforms = await Promise.all(files.map(async (file) => ({ file, platform: ((await import(new URL(file, DIR).href)) as { default: Platform }).default })));
    for (const { file, platform } of platforms) {
      if (platform?.name !== file.replace(/\.[jt]s$/, '')) throw new Error(`export/platforms/${file} must export default a platform named "${file.replace(/\.[jt]s$/, '')}"`);
    }
    return platforms.map((p) => p.platform);
  })();
  return loaded;
}
