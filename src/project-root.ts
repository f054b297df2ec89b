// Where a project lives: the nearest folder at or above the current one that holds newsletter.config.json,
// so every command works from a subfolder too. Without one, the current folder, as before projects had a
// marker file.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_FILE = 'newsletter.config.json';

/** The nearest folder at or above `start` holding newsletter.config.json, or undefined. */
export function findProjectRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** `--root` when given, else the nearest project above the current folder, else the current folder. */
export const projectRoot = (given?: string, cwd: string = process.cwd()): string =>
  resolve(cwd, given ?? findProjectRoot(cwd) ?? cwd);
