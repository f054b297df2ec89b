// The tool's own part of every cache key: its version, the libraries whose output ends up in the files, and
// the compiled code itself (so a changed build of newsletter, even at the same version number, never trusts
// output the old code made).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { digest } from './digest.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { writeAtomic } from '../output/write.js';
import { isStamp, stampsAfterRead, stampsMatch, type FileStamp } from './stamps.js';

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

// Once a process (the code does not change under it): a second project built in the same process, as tests
// that run the CLI in process do, reuses the first one's fingerprint and writes no code.json of its own.
let fingerprint: string | undefined;
/** The code's digest and the stamps it was taken under, when this process computed it: for save(). */
let computedCode: CodeDigest | undefined;

/**
 * The fingerprint of the code that runs. `cacheDir` (out/.newsletter/cache) may hold the digest of the
 * compiled code from an earlier run, with the stamps of the files it was taken from: when every stamp still
 * matches, it stands for the files' bytes (reading and hashing the bundle's 4.6 MB cost a build with nothing
 * to do about 10 ms), as the content files' stamps do for theirs.
 */
export function toolFingerprint(cacheDir?: string): string {
  fingerprint ??= digest([
    packageVersion(PACKAGE_ROOT),
    ...OUTPUT_LIBRARIES.map(libraryVersion),
    codeDigest(cacheDir),
  ]);
  return fingerprint;
}

/** Whether this run hashed the code, and the digest can be kept for the next (saveCodeDigest). */
export const codeDigestUnsaved = (): boolean => computedCode?.stamps !== undefined;

/** Keeps the code's digest in `cacheDir`, an existing folder, for the next run, if this run computed it. */
export async function saveCodeDigest(cacheDir: string): Promise<void> {
  if (!computedCode?.stamps) return;
  const saved = JSON.stringify({ format: CODE_DIGEST_FORMAT, ...computedCode });
  computedCode = undefined;
  await writeAtomic(join(cacheDir, CODE_DIGEST_FILE), saved).catch(() => undefined); // next run hashes again
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

/**
 * The installed version of a library: the package.json of node_modules/<name> in the nearest folder at or
 * above the code that has one, where Node's resolution finds a library the code imports (resolving the
 * eight entry points instead cost about 10 ms).
 */
function libraryVersion(name: string): string {
  for (let dir = CODE_DIR; ; dir = dirname(dir)) {
    const found = join(dir, 'node_modules', name);
    if (existsSync(join(found, 'package.json'))) {
      const version = packageVersion(found);
      return version.startsWith(`${name}@`) ? version : `${name}: version unknown`;
    }
    if (dirname(dir) === dir) return `${name}: not installed`;
  }
}

const CODE_DIGEST_FILE = 'code.json';
const CODE_DIGEST_FORMAT = 1;

interface CodeDigest {
  /** The folder of the code, whose .js files the digest covers. */
  dir: string;
  digest: string;
  /** Their stamps (paths relative to `dir`), or none when one changed as it was read. */
  stamps?: FileStamp[];
}

/** Every compiled module, by content: a recompile to the same code keeps the cache. */
function codeDigest(cacheDir: string | undefined): string {
  const files = scriptsIn(CODE_DIR).sort();
  const kept = cacheDir === undefined ? undefined : readCodeDigest(join(cacheDir, CODE_DIGEST_FILE));
  if (
    kept?.stamps &&
    kept.dir === CODE_DIR &&
    kept.stamps.length === files.length &&
    kept.stamps.every((stamp, i) => stamp.path === files[i]) &&
    stampsMatch(CODE_DIR, kept.stamps)
  )
    return kept.digest;
  const started = Date.now();
  const code = digest(files.flatMap((file) => [file, readFileSync(join(CODE_DIR, file))]));
  computedCode = { dir: CODE_DIR, digest: code, stamps: stampsAfterRead(CODE_DIR, files, started) };
  return code;
}

/** The .js files in `dir` and its folders, relative to it (Node 20's recursive readdirSync costs ten times more). */
function scriptsIn(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) return scriptsIn(dir, path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

function readCodeDigest(file: string): CodeDigest | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Partial<CodeDigest> & { format?: unknown };
    const valid =
      kept.format === CODE_DIGEST_FORMAT &&
      typeof kept.dir === 'string' &&
      typeof kept.digest === 'string' &&
      Array.isArray(kept.stamps) &&
      kept.stamps.every(isStamp);
    return valid ? (kept as CodeDigest) : undefined;
  } catch {
    return undefined; // none yet, or unreadable: the code is hashed
  }
}
