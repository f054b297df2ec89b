// An edition's files are replaced as one unit. Its public folder out/<slug>/ is written whole as a temporary
// folder beside it and swapped in, and its private file (out/.newsletter/editions/<slug>.json) goes with it: a
// reader, a crash or a kill -9 sees the old complete set or the new one, never index.html of one build beside
// message.eml of another.
//
// Without an atomic exchange of two folders (renameat2 is out of Node's reach), replacing a folder takes two
// renames: the old folder out of the way, the new one in. So before the first of them a journal is written,
// out/.newsletter/swap-<pid>-<id>.json, naming the folders; the next build (or check --out, or export) finds
// the journal of a process that is gone and finishes the swap, or rolls it back if it had not begun
// (`recoverOut`). It also removes the temporary files and folders such a process left behind.
//
//   1. stage      out/.nl-<pid>-<id>.tmp/ (the new files), out/.newsletter/editions/.nl-<pid>-<id>.tmp
//   2. journal    out/.newsletter/swap-<pid>-<id>.json
//   3. aside      out/<slug>  ->  out/.nl-<pid>-<id2>.tmp (the old folder)
//   4. carry      what build did not write (an export/, a screenshot, your own files) from the old folder to the new;
//                 not the images the previous build published and this one no longer uses (its manifest names them)
//   5. in         staged folder  ->  out/<slug>
//   6. private    staged private file  ->  out/.newsletter/editions/<slug>.json
//   7. done       the journal deleted, then the old folder
//
// A first build of an edition has nothing to put aside: its folder is renamed into place, then its private file,
// without a journal (a kill between the two leaves no private file, which send and export take for "not built").
//
// Symbolic links: newsletter never writes through one. A link at out/<slug>, out/.newsletter or
// out/.newsletter/editions is refused (WRITE_FAILED): moving it aside and writing a folder in its place would
// be deleting something build did not write.
import { randomBytes } from 'node:crypto';
import {
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from './edition-output.js';
import { PRIVATE_DIR } from './private-dir.js';
import { realFolder, RefusedPath } from './real-folder.js';
import { temporaryName } from './write.js';

/** temporaryName()'s names (write.ts), and the process that made them. */
const TEMPORARY = /^\.nl-(\d+)-[0-9a-f]{12}\.tmp$/;
/** What earlier versions named their temporary files: no owner to ask, so only their age tells. */
const OLD_TEMPORARY = /^\.[0-9a-f]{12}\.tmp$/;
const JOURNAL = /^swap-(\d+)-[0-9a-f]{12}\.json$/;
/** A temporary file lives for milliseconds: one this old was left by a process that died, whatever its pid says. */
const STALE_MS = 10 * 60 * 1000;

interface Journal {
  slug: string;
  /** Names in out/ of the staged folder and of the old folder once put aside. */
  staged: string;
  aside: string;
  /** Name in out/.newsletter/editions/ of the staged private file, if any. */
  privateStaged?: string;
  /** The files build writes into the folder (the rest of the old folder is carried over). */
  written: string[];
  /** Images the previous build published (its manifest's assets) that this one does not: left behind. */
  dropped?: string[];
}

/**
 * Writes an edition: `files` are its public files (all in out/<slug>/) and its private file (in
 * out/.newsletter/editions/), replaced together as described at the top of this file.
 */
export function swapEdition(outDir: string, slug: string, files: readonly OutputFile[]): void {
  const folder = join(outDir, slug);
  const privateDir = join(outDir, PRIVATE_DIR, 'editions');
  const inFolder = files.filter((f) => dirname(f.path) === folder);
  const privateFiles = files.filter((f) => dirname(f.path) === privateDir);
  if (inFolder.length + privateFiles.length !== files.length || privateFiles.length > 1)
    throw new Error(`swapEdition: files outside ${folder} and ${privateDir}`);
  const current = lstatSync(folder, { throwIfNoEntry: false });
  if (current?.isSymbolicLink())
    throw new RefusedPath(`${folder} is a symbolic link: newsletter does not write through one`, folder);
  if (current && !current.isDirectory()) throw new RefusedPath(`${folder} is not a folder`, folder);
  if (privateFiles.length > 0) realFolder(outDir, PRIVATE_DIR, 'editions');
  else realFolder(outDir);

  // 1. stage
  const staged = temporaryName();
  const privateStaged = privateFiles.length > 0 ? temporaryName() : undefined;
  try {
    mkdirSync(join(outDir, staged));
    for (const file of inFolder) {
      const target = join(outDir, staged, basename(file.path));
      // a content-addressed file (a hashed image) already in the folder holds these bytes: linked, not copied
      if (file.contentAddressed && current && linked(join(folder, basename(file.path)), target)) continue;
      writeFileSync(target, file.data);
    }
    if (privateStaged) writeFileSync(join(privateDir, privateStaged), privateFiles[0]!.data);
  } catch (error) {
    rmSync(join(outDir, staged), { recursive: true, force: true });
    if (privateStaged) rmSync(join(privateDir, privateStaged), { force: true });
    throw error;
  }
  const privateTarget = privateFiles[0]?.path;

  if (!current) {
    // a first build: nothing to put aside
    try {
      renameSync(join(outDir, staged), folder);
    } catch (error) {
      rmSync(join(outDir, staged), { recursive: true, force: true });
      if (privateStaged) rmSync(join(privateDir, privateStaged), { force: true });
      throw error;
    }
    if (privateStaged) renameSync(join(privateDir, privateStaged), privateTarget!);
    return;
  }

  // 2. journal
  const journal: Journal = {
    slug,
    staged,
    aside: temporaryName(),
    ...(privateStaged ? { privateStaged } : {}),
    written: inFolder.map((f) => basename(f.path)),
  };
  const dropped = previousAssets(folder).filter((name) => !journal.written.includes(name));
  if (dropped.length > 0) journal.dropped = dropped;
  const journalFile = join(
    realFolder(outDir, PRIVATE_DIR),
    `swap-${process.pid}-${randomBytes(6).toString('hex')}.json`,
  );
  try {
    writeFileSync(journalFile, JSON.stringify(journal));
    // 3. aside
    renameSync(folder, join(outDir, journal.aside));
  } catch (error) {
    rmSync(journalFile, { force: true });
    rmSync(join(outDir, staged), { recursive: true, force: true });
    if (privateStaged) rmSync(join(privateDir, privateStaged), { force: true });
    throw error;
  }
  // 4 to 7: from here on the new set is the one
  const aside = join(outDir, journal.aside);
  try {
    carry(aside, join(outDir, staged), built(journal)); // 4
    renameSync(join(outDir, staged), folder); // 5
    if (privateStaged) renameSync(join(privateDir, privateStaged), privateTarget!); // 6
    unlinkSync(journalFile); // 7
  } catch {
    // finished the way a later build would finish it; if that fails too, the journal stays for the next build
    finishSwap(outDir, journal, journalFile);
    return;
  }
  removeAside(aside, built(journal));
}

/** What build wrote into the old folder and is not carried over: this build's names, and the images dropped. */
const built = (journal: Journal): string[] => [...journal.written, ...(journal.dropped ?? [])];

/**
 * The images the build before this one published into the folder, as its manifest lists them. A manifest
 * that is missing, unreadable or edited into something else names none: the images are then carried over.
 */
function previousAssets(folder: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as {
      assets?: { name?: unknown }[];
    };
    if (!Array.isArray(manifest.assets)) return [];
    return manifest.assets.map((asset) => asset?.name).filter(SAFE_NAME);
  } catch {
    return [];
  }
}

/** The old folder, once nothing in it is wanted: only the files build wrote are left in it. */
function removeAside(aside: string, written: readonly string[]): void {
  try {
    for (const name of written) unlinkSync(join(aside, name));
    rmdirSync(aside);
  } catch {
    rmSync(aside, { recursive: true, force: true }); // a file missing, or one more (an old temporary file)
  }
}

/** Steps 4 to 7 of a swap whose old folder is aside (or that already has its new folder in place). */
function finishSwap(outDir: string, journal: Journal, journalFile: string): void {
  const folder = join(outDir, journal.slug);
  const staged = join(outDir, journal.staged);
  const aside = join(outDir, journal.aside);
  if (!exists(staged) && !exists(folder)) {
    // neither folder in place (removed by hand?): the old one goes back, if it is still there
    if (exists(aside)) renameSync(aside, folder);
    unlinkSync(journalFile);
    return;
  }
  if (exists(staged)) {
    carry(aside, staged, built(journal)); // 4
    renameSync(staged, folder); // 5
  }
  carry(aside, folder, built(journal)); // what was left, if a recovery took over between 4 and 5
  if (journal.privateStaged) {
    const privateStaged = join(outDir, PRIVATE_DIR, 'editions', journal.privateStaged);
    if (exists(privateStaged))
      renameSync(privateStaged, join(outDir, PRIVATE_DIR, 'editions', `${journal.slug}.json`)); // 6
  }
  unlinkSync(journalFile); // 7
  removeAside(aside, built(journal));
}

/** Moves what build did not write (and is not a temporary file) from the old folder into the new one. */
function carry(from: string, to: string, written: readonly string[]): void {
  let names: string[];
  try {
    names = readdirSync(from);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  for (const name of names) {
    if (written.includes(name) || TEMPORARY.test(name) || OLD_TEMPORARY.test(name)) continue;
    if (lstatSync(join(to, name), { throwIfNoEntry: false })) continue; // carried already
    renameSync(join(from, name), join(to, name));
  }
}

/** Whether a process that left files behind has gone (or it is too long ago to matter). */
function gone(pid: number, path: string, now: number): boolean {
  if (pid === process.pid) return olderThan(path, now);
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  return olderThan(path, now); // alive (or not ours to signal): a pid used again by another program
}

function olderThan(path: string, now: number): boolean {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  return stat !== undefined && now - stat.mtimeMs > STALE_MS;
}

/**
 * What a build that was killed left in `outDir`: swaps cut short are finished (or rolled back when the old
 * folder had not been moved yet), and temporary files and folders of processes that are gone are removed.
 * Run by every command that writes into out/ before it writes. Returns what it could not do, as messages.
 */
export function recoverOut(outDir: string, now = Date.now()): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const attempt = (path: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      problems.push({ path, message: (error as Error).message });
    }
  };
  const privateDir = join(outDir, PRIVATE_DIR);
  if (!isRealFolder(outDir, true)) return problems; // nothing built yet (or not a folder: the writes will say)
  if (isRealFolder(privateDir)) {
    for (const name of list(privateDir)) {
      const match = JOURNAL.exec(name);
      const path = join(privateDir, name);
      if (match && gone(Number(match[1]), path, now)) attempt(path, () => recoverSwap(outDir, path));
    }
  }
  const folders = [outDir];
  if (isRealFolder(privateDir)) folders.push(join(privateDir, 'editions'), join(privateDir, 'cache'));
  for (const dir of folders) {
    if (!isRealFolder(dir)) continue;
    for (const name of list(dir)) {
      const path = join(dir, name);
      const owner = TEMPORARY.exec(name);
      const stale = owner
        ? gone(Number(owner[1]), path, now)
        : OLD_TEMPORARY.test(name) && olderThan(path, now);
      if (stale) attempt(path, () => rmSync(path, { recursive: true, force: true }));
    }
  }
  return problems;
}

function recoverSwap(outDir: string, journalFile: string): void {
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  } catch (error) {
    if (error instanceof SyntaxError) {
      // cut short while it was written: no folder was moved yet, and the leftovers go as temporary files
      unlinkSync(journalFile);
      return;
    }
    throw error;
  }
  if (!validJournal(journal)) return unlinkSync(journalFile);
  const folder = join(outDir, journal.slug);
  if (exists(join(outDir, journal.staged)) && lstatSync(folder, { throwIfNoEntry: false })) {
    // the old folder was never moved: roll back (the staged files go as temporary files of a process gone)
    rmSync(join(outDir, journal.staged), { recursive: true, force: true });
    if (journal.privateStaged)
      rmSync(join(outDir, PRIVATE_DIR, 'editions', journal.privateStaged), { force: true });
    carry(join(outDir, journal.aside), folder, journal.written);
    unlinkSync(journalFile);
    rmSync(join(outDir, journal.aside), { recursive: true, force: true });
    return;
  }
  finishSwap(outDir, journal, journalFile);
}

const SAFE_NAME = (name: unknown): name is string =>
  typeof name === 'string' && name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);

function validJournal(journal: Journal): boolean {
  return (
    SAFE_NAME(journal?.slug) &&
    typeof journal.staged === 'string' &&
    TEMPORARY.test(journal.staged) &&
    typeof journal.aside === 'string' &&
    TEMPORARY.test(journal.aside) &&
    (journal.privateStaged === undefined ||
      (typeof journal.privateStaged === 'string' && TEMPORARY.test(journal.privateStaged))) &&
    Array.isArray(journal.written) &&
    journal.written.every(SAFE_NAME) &&
    (journal.dropped === undefined || (Array.isArray(journal.dropped) && journal.dropped.every(SAFE_NAME)))
  );
}

function isRealFolder(path: string, linkAllowed = false): boolean {
  try {
    const stat = (linkAllowed ? statSync : lstatSync)(path);
    return stat.isDirectory();
  } catch {
    return false;
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const exists = (path: string): boolean => lstatSync(path, { throwIfNoEntry: false }) !== undefined;
const isMissing = (error: unknown): boolean =>
  ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/** Hard-links `from` as `to`; false when there is nothing to link (or the file system cannot). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}
