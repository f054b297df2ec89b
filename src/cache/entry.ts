// What the cache remembers of one built edition, and how a remembered edition is judged still current.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Project } from '../project.js';
import { PRIVATE_DIR } from '../output/private-dir.js';
import { contentKeyWithImages, settingsKey } from './keys.js';
import type { EditionInputs } from './inputs.js';
import { stampFile, stampsAfterRead, type FileStamp } from './stamps.js';

export interface CacheEntry {
  /** settingsKey() of the build, for the layout below. */
  settings: string;
  layout: string;
  /** contentKeyWithImages() of the files the edition was built from and the images it used. */
  content: string;
  /** The local images it used, project-relative: their bytes are part of `content`, their stamps of `inputs`. */
  images?: string[];
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
  built: { layout: string; files: string[]; diagnostics: Diagnostic[]; images: string[] },
): CacheEntry | undefined {
  // every file written, public and private: a hand edit or a deletion shows
  const kept = `${PRIVATE_DIR}/editions/${inputs.source.slug}.json`;
  const outputs = [...built.files, kept].map((path) => stampFile(project.paths.out, path));
  if (outputs.some((s) => s === undefined)) return undefined;
  const { images } = built;
  const content = contentKeyWithImages(project.paths.root, inputs.source, images);
  if (content === undefined) return undefined;
  const stamps = withImageStamps(project.paths.root, inputs, images);
  return {
    settings: settingsKey(project, built.layout),
    layout: built.layout,
    content,
    ...(images.length ? { images } : {}),
    ...(stamps ? { inputs: stamps } : {}),
    outputs: outputs as FileStamp[],
    files: built.files,
    diagnostics: built.diagnostics,
  };
}

/**
 * The content files' stamps and the images'. Images are read after the content files, so they are stamped
 * against the same start: one changed around the read leaves the edition without stamps (its bytes are
 * compared next time), as a content file does (see stamps.ts).
 */
export function withImageStamps(
  root: string,
  inputs: EditionInputs,
  images: readonly string[],
): FileStamp[] | undefined {
  if (!inputs.stamps || images.length === 0) return inputs.stamps;
  const imageStamps = stampsAfterRead(root, images, inputs.readStartedMs ?? Date.now());
  return imageStamps && [...inputs.stamps, ...imageStamps];
}
