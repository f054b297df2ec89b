// File stamps: size, modification and change time. A file whose stamp is unchanged is taken as unchanged
// without reading it (as git and make do); any difference sends the caller back to the bytes.
import { statSync } from 'node:fs';
import { join, sep } from 'node:path';

export interface FileStamp {
  /** Relative to the folder the stamps are taken in (the project root, or the out folder). */
  path: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** A stamp read back from a file: exactly the shape stampFile() makes. */
export function isStamp(value: unknown): value is FileStamp {
  const stamp = value as FileStamp | null;
  return (
    typeof stamp === 'object' &&
    stamp !== null &&
    typeof stamp.path === 'string' &&
    Number.isFinite(stamp.size) && // false for anything but a number
    Number.isFinite(stamp.mtimeMs) &&
    Number.isFinite(stamp.ctimeMs)
  );
}

export function stampFile(dir: string, path: string): FileStamp | undefined {
  const stat = statSync(join(dir, path), { throwIfNoEntry: false });
  return stat && { path, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs };
}

export function stampsMatch(dir: string, stamps: readonly FileStamp[]): boolean {
  // the recorded paths are relative and already normal: joined by hand, as path.join would only re-check
  // them (a build with nothing to rebuild compares ten thousand stamps)
  const prefix = dir + sep;
  for (const recorded of stamps) {
    const now = statSync(prefix + recorded.path, { throwIfNoEntry: false });
    if (
      now === undefined ||
      now.size !== recorded.size ||
      now.mtimeMs !== recorded.mtimeMs ||
      now.ctimeMs !== recorded.ctimeMs
    )
      return false;
  }
  return true;
}

/** File times come from a coarse kernel clock, so "changed just before the read" gets a wide margin. */
export const RACY_MS = 1000;

/**
 * Stamps for files just read. A file changed while it was being read could carry a stamp that looks
 * current next time while its bytes differ from what was read ("racy git"): when any file changed within
 * RACY_MS of the read, no stamps are kept, and the next build compares the bytes instead.
 */
export function stampsAfterRead(
  dir: string,
  paths: readonly string[],
  readStartedMs: number,
): FileStamp[] | undefined {
  const stamps = paths.map((path) => stampFile(dir, path));
  const racy = stamps.some(
    (s) => s === undefined || Math.max(s.mtimeMs, s.ctimeMs) >= readStartedMs - RACY_MS,
  );
  return racy ? undefined : (stamps as FileStamp[]);
}
