// What the cache remembers of one built edition, and how a remembered edition is judged still current.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../project.js';
import { PRIVATE_DIR } from '../output/private-dir.js';
import { contentKey, settingsKey } from './keys.js';
import type { EditionInputs } from './inputs.js';
import { stampFile, type FileStamp } from './stamps.js';

export interface CacheEntry {
  /** settingsKey() of the build, for the layout below. */
  settings: string;
  layout: string;
  /** contentKey() of the files the edition was built from. */
  content: string;
  /** Stamps of the content files, relative to the project root; absent when they could not be trusted. */
  inputs?: FileStamp[];
  /** Stamps of the output, relative to the out folder: output changed or deleted by hand is rebuilt. */
  outputs: FileStamp[];
  /** Public files, relative to the out folder, as the build reported them. */
  files: string[];
  /** Warnings of that build, shown again when the edition is skipped. */
  diagnostics: Diagnostic[];
}

/** The entry for an edition just built and written; undefined if its output cannot be stamped. */
export function cacheEntry(
  project: Project,
  inputs: EditionInputs,
  built: { layout: string; files: string[]; diagnostics: Diagnostic[] },
): CacheEntry | undefined {
  // every file written, public and private: a hand edit or a deletion shows
  const kept = `${PRIVATE_DIR}/editions/${inputs.source.slug}.json`;
  const outputs = [...built.files, kept].map((path) => stampFile(project.paths.out, path));
  if (outputs.some((s) => s === undefined)) return undefined;
  return {
    settings: settingsKey(project, built.layout),
    layout: built.layout,
    content: contentKey(inputs.source),
    ...(inputs.stamps ? { inputs: inputs.stamps } : {}),
    outputs: outputs as FileStamp[],
    files: built.files,
    diagnostics: built.diagnostics,
  };
}
