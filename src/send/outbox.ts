// --dry-run: each recipient's exact message as an .eml under out/.newsletter/outbox/<slug>/, replacing
// what an earlier dry run left there, so the folder always shows the last run.
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { PRIVATE_DIR } from '../output/private-dir.js';
import { writeAllAtomic } from '../output/write.js';

export const outboxDir = (outDir: string, slug: string): string => join(outDir, PRIVATE_DIR, 'outbox', slug);

/** "01-ann_example.org.eml": numbered in sending order, named after the address (made file-name safe). */
export const outboxName = (index: number, total: number, email: string): string =>
  `${String(index + 1).padStart(String(total).length, '0')}-${email
    .toLowerCase()
    .replace(/[^a-z0-9.@_-]+/g, '_')
    .replace('@', '_at_')}.eml`;

/** Writes the dry run's messages; a file-system failure comes back as WRITE_FAILED naming `label`, the
 *  outbox folder as the user knows it (out/.newsletter/outbox/<slug>/). */
export async function writeOutbox(
  outDir: string,
  slug: string,
  messages: { name: string; raw: Buffer }[],
  label: string,
): Promise<Diagnostic | undefined> {
  const dir = outboxDir(outDir, slug);
  try {
    await rm(dir, { recursive: true, force: true });
    await makeFolders(dirname(dir));
    await writeAllAtomic(messages.map((m) => ({ path: join(dir, m.name), data: m.raw })));
    return undefined;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const why = (code && REASONS[code]) ?? message;
    return diag(
      'WRITE_FAILED',
      'error',
      `cannot write the dry run's messages to ${label}: ${why}${code && !why.includes(code) ? ` (${code})` : ''}`,
      { file: label },
      'check that the output folder (--out) is a folder you can write to; nothing was sent',
    );
  }
}

/**
 * `mkdir -p`, one level at a time, so that a read-only or blocked path fails as itself (EROFS, ENOTDIR):
 * Node's recursive mkdir reports ENOENT on a read-only file system, and so would the atomic write's
 * temporary file in a folder that could not be made.
 */
async function makeFolders(path: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    const found = await stat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (found?.isDirectory()) break;
    if (found) throw Object.assign(new Error(`not a folder: ${at}`), { code: 'ENOTDIR', path: at });
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) await mkdir(folder);
}

/** The system's reasons, in words. */
const REASONS: Record<string, string> = {
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way of a file',
};
