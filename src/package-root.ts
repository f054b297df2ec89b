// newsletter's own folder, the one with its package.json: the nearest above the code that runs, which is
// src/ under the tests, dist/ (tsc's output) or dist/bundle/ (what bin/newsletter.js runs).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function nearestPackageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const PACKAGE_ROOT = nearestPackageDir();
