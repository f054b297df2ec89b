// Reads an edition's content files together with their stamps, so the next build can tell without
// reading them again whether they changed.
import { readEdition, displayPath, type EditionSource } from '../content/discover.js';
import type { Project } from '../project.js';
import { stampsAfterRead, type FileStamp } from './stamps.js';
import { sourceFiles } from './keys.js';

export type EditionEntry = Project['editions'][number];

export interface EditionInputs {
  source: EditionSource;
  /** When the read began: images read later in the build are stamped against it too (cache/entry.ts). */
  readStartedMs?: number;
  /** The content files and, for a folder edition, the folder (whose time changes when a file is added). */
  stamps?: FileStamp[];
}

export async function readInputs(root: string, entry: EditionEntry): Promise<EditionInputs> {
  const started = Date.now();
  const source = await readEdition(root, entry);
  const watched = [...(entry.folder ? [displayPath(root, entry.path)] : []), ...sourceFiles(source)];
  return { source, readStartedMs: started, stamps: stampsAfterRead(root, watched, started) };
}
