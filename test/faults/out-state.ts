// What a test of interrupted builds checks in out/: every edition folder holds one build's complete set
// (index.html, index.txt, message.eml, manifest.json, all of the same build), never two builds mixed, and
// what else lies about (temporary files, swap journals).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUILT = ['index.html', 'index.txt', 'message.eml', 'manifest.json'];

export type EditionState =
  { state: 'missing' } | { state: 'complete'; subject: string } | { state: 'broken'; problem: string };

/** An edition folder: its subject if its files are one build's complete set, else what is wrong. */
export function editionState(outDir: string, slug: string): EditionState {
  const folder = join(outDir, slug);
  if (!existsSync(folder)) return { state: 'missing' };
  const missing = BUILT.filter((name) => !existsSync(join(folder, name)));
  if (missing.length > 0) return { state: 'broken', problem: `${slug}: no ${missing.join(', ')}` };
  let manifest: { subject: string; files: Record<string, { bytes: number }> };
  try {
    manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  } catch (error) {
    return { state: 'broken', problem: `${slug}: manifest.json: ${(error as Error).message}` };
  }
  const subjects = {
    'manifest.json': manifest.subject,
    'index.html': /<title>([^<]*)<\/title>/.exec(readFileSync(join(folder, 'index.html'), 'utf8'))?.[1],
    'message.eml': /^Subject: (.*)$/m.exec(readFileSync(join(folder, 'message.eml'), 'utf8'))?.[1]?.trim(),
    'index.txt': readFileSync(join(folder, 'index.txt'), 'utf8').includes(`\n${manifest.subject}\n`)
      ? manifest.subject
      : '(not in the text)',
  };
  const differing = Object.entries(subjects).filter(([, subject]) => subject !== manifest.subject);
  if (differing.length > 0)
    return {
      state: 'broken',
      problem: `${slug}: mixed builds: ${Object.entries(subjects)
        .map(([file, subject]) => `${file} "${subject}"`)
        .join(', ')}`,
    };
  // the manifest counts the bytes of the files of its own build
  for (const [name, { bytes }] of Object.entries(manifest.files)) {
    const size = statSync(join(folder, name)).size;
    if (size !== bytes)
      return { state: 'broken', problem: `${slug}: ${name} has ${size} bytes, its manifest says ${bytes}` };
  }
  return { state: 'complete', subject: manifest.subject };
}

/** The subject of the edition's private file (out/.newsletter/editions/<slug>.json), if there is one. */
export function privateSubject(outDir: string, slug: string): string | undefined {
  try {
    return JSON.parse(readFileSync(join(outDir, '.newsletter', 'editions', `${slug}.json`), 'utf8')).subject;
  } catch {
    return undefined;
  }
}

/** Temporary files and folders, and swap journals, anywhere under out/. */
export function leftovers(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  return (readdirSync(outDir, { recursive: true }) as string[])
    .filter(
      (path) =>
        /(^|\/)\.(nl-\d+-)?[0-9a-f]{12}\.tmp$/.test(path) || /(^|\/)swap-\d+-[0-9a-f]{12}\.json$/.test(path),
    )
    .filter((path) => !path.includes('.tmp/')) // what is inside a temporary folder goes with it
    .sort();
}

/** The swap journals in out/.newsletter/ (an edition folder may be missing only while one names it). */
export function journals(outDir: string): { slug: string }[] {
  const dir = join(outDir, '.newsletter');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^swap-\d+-[0-9a-f]{12}\.json$/.test(name))
    .flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(join(dir, name), 'utf8')) as { slug: string }];
      } catch {
        return []; // cut short while it was written: names nothing, and no folder was moved yet
      }
    });
}
