// The tool's own part of every cache key: its version, the libraries whose output ends up in the files, and
// the compiled code itself (so a changed build of newsletter, even at the same version number, never trusts
// output the old code made).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { digest } from './digest.js';
import { PACKAGE_ROOT } from '../package-root.js';

/** Libraries that shape the output: an upgrade of any of them must rebuild. */
const OUTPUT_LIBRARIES = [
  'mjml',
  'handlebars',
  'markdown-it',
  'sanitize-html',
  'html-to-text',
  'nodemailer',
  'js-yaml',
  'yaml',
];

/** Set by scripts/bundle.js: the bundle's own folder. Run from tsc's output, this file is dist/cache/tool.js. */
declare const NEWSLETTER_CODE_ROOT: string | undefined;
const CODE_DIR = fileURLToPath(
  new URL(typeof NEWSLETTER_CODE_ROOT === 'string' ? NEWSLETTER_CODE_ROOT : '..', import.meta.url),
);

let fingerprint: string | undefined;

export function toolFingerprint(): string {
  fingerprint ??= digest([
    packageVersion(PACKAGE_ROOT),
    ...OUTPUT_LIBRARIES.map(libraryVersion),
    ...compiledCode(),
  ]);
  return fingerprint;
}

function packageVersion(dir: string): string {
  try {
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
    };
    return `${json.name}@${json.version}`;
  } catch {
    return `${dir}: no package.json`;
  }
}

/** The installed version of a library: its entry point's nearest package.json with that name. */
function libraryVersion(name: string): string {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    return `${name}: not installed`;
  }
  for (; dirname(dir) !== dir; dir = dirname(dir)) {
    const found = packageVersion(dir);
    if (found.startsWith(`${name}@`)) return found;
  }
  return `${name}: version unknown`;
}

/** Every compiled module, by content (a few hundred KB, a few ms): a recompile to the same code keeps the cache. */
function compiledCode(): (string | Uint8Array)[] {
  return (readdirSync(CODE_DIR, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.js'))
    .sort()
    .flatMap((file) => [file, readFileSync(join(CODE_DIR, file))]);
}
