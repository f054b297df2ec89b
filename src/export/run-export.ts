// `newsletter export`, the steps with I/O: choose the editions and platforms (a usage error stops everything
// before anything is written), read build's cache once and build, in one call, the editions that are missing
// or stale, then export and check each edition for each platform and write what passed. An edition that
// fails (its build, a platform's rules, even an exception) fails alone; the others are written.
import { readFileSync } from 'node:fs';
import { displayPath, readEdition } from '../content/discover.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeAllAtomic } from '../output/write.js';
import { loadProject, projectPaths, type Project, type ProjectOptions } from '../project.js';
import { readKeptEdition, readStoredImages, type KeptEdition } from '../send/stored-edition.js';
import { choose, type ExportAsk } from './choose.js';
import { exportEdition } from './export-edition.js';
import { exportFiles } from './export-files.js';
import { sourceLocator, type Locate, type SourceText } from './locate.js';
import type { Platform } from './platform.js';
import { staleEditions } from './stale.js';

export interface ExportOptions extends ProjectOptions, ExportAsk {
  zip?: boolean;
  /** Told which editions are built first, and why ("content/x.md changed since the last build"), by slug. */
  onBuild?: (reasons: ReadonlyMap<string, string>) => void;
}

export interface PlatformResult {
  slug: string;
  platform: string;
  ok: boolean;
  /** Files written, relative to the out folder. */
  files: string[];
  fallbacks: string[];
  diagnostics: Diagnostic[];
}

export interface EditionExportResult {
  slug: string;
  /** False when the edition could not be built or read: then it has no platform results. */
  ok: boolean;
  /** Why the edition was built first, when it was. */
  built?: string;
  diagnostics: Diagnostic[];
}

export interface ExportReport {
  usageError: boolean;
  /** Problems with the run itself (options, project). */
  diagnostics: Diagnostic[];
  editions: EditionExportResult[];
  /** Every edition × platform asked for and reached, in order. */
  platforms: PlatformResult[];
}

export async function runExport(options: ExportOptions): Promise<ExportReport> {
  const stop = (diagnostics: Diagnostic[], usageError: boolean): ExportReport => ({
    usageError,
    diagnostics,
    editions: [],
    platforms: [],
  });

  // 1. the project, and what was asked of it: all checked before anything is built or written
  const loaded = await loadProject(options);
  if (!loaded.project) return stop(loaded.diagnostics, loaded.usageError);
  const project = loaded.project;
  const chosen = choose(
    options,
    project.editions.map((e) => e.slug),
    project.paths.contentLabel,
  );
  if ('problems' in chosen) return stop([...loaded.diagnostics, ...chosen.problems], true);

  // 2. build's cache, read once: the editions whose kept copy is missing or stale are built, in one call
  const stale = await staleEditions(project, chosen.slugs, projectPaths(options).config);
  const editions = new Map<string, EditionExportResult>(
    chosen.slugs.map((slug) => [
      slug,
      { slug, ok: true, diagnostics: [], ...(stale.has(slug) ? { built: stale.get(slug)! } : {}) },
    ]),
  );
  const diagnostics = [...loaded.diagnostics];
  if (stale.size > 0) {
    options.onBuild?.(stale);
    // Loaded only when needed: rendering pulls in MJML, which an export from a current build never needs.
    const { build } = await import('../build.js');
    const { root, content, templates, out, config } = options;
    const built = await build({ root, content, templates, out, config, slugs: [...stale.keys()] });
    if (built.usageError) return stop([...diagnostics, ...built.diagnostics], true);
    diagnostics.push(...built.diagnostics);
    for (const result of built.editions) {
      const edition = editions.get(result.slug);
      if (!edition) continue;
      edition.diagnostics.push(...result.diagnostics);
      edition.ok = result.ok;
    }
  }

  // 3. each edition, each platform: export, check, and write only what passed
  const platforms: PlatformResult[] = [];
  const exportable = [...editions.values()].filter((e) => e.ok);
  // The next edition is read while this one is exported and written.
  const read = (i: number) =>
    i < exportable.length
      ? readKeptEdition(project.paths.out, exportable[i]!.slug).catch((error: Error) => error)
      : undefined;
  let next = read(0);
  for (const [i, edition] of exportable.entries()) {
    const kept = await next;
    next = read(i + 1);
    try {
      if (kept instanceof Error) throw kept;
      if (!kept) {
        edition.ok = false;
        edition.diagnostics.push(
          diag(
            'STORED_EDITION',
            'error',
            `cannot read the kept edition of ${edition.slug} under ${project.paths.outLabel}/.newsletter/editions/`,
            {},
            'run `newsletter build` and check the output folder is writable',
          ),
        );
        continue;
      }
      platforms.push(...(await exportKept(project, kept, chosen.platforms, options.zip ?? false)));
    } catch (error) {
      // A failure belongs to its edition: the others are still exported.
      edition.ok = false;
      edition.diagnostics.push(
        diag('STORED_EDITION', 'error', `${edition.slug}: ${(error as Error).message}`),
      );
    }
  }
  return { usageError: false, diagnostics, editions: [...editions.values()], platforms };
}

/** One kept edition for every platform asked for; the files of those that passed are written. */
async function exportKept(
  project: Project,
  kept: KeptEdition,
  platforms: readonly Platform[],
  zip: boolean,
): Promise<PlatformResult[]> {
  const slug = kept.stored.slug;
  // a zip carries the edition's local images beside index.html, as build published them
  const images = zip ? await readStoredImages(project.paths.out, kept) : { images: [] };
  if ('missing' in images) throw new Error(`cannot read ${images.missing}: build the edition again`);
  // Sources are read only when a problem asks where its text came from: an archive that exports cleanly
  // never reads its content again. Exporting is pure, so the platform is simply exported again then.
  let locate: Locate | undefined;
  const results: PlatformResult[] = [];
  for (const platform of platforms) {
    const label = (name: string) => `${project.paths.outLabel}/${slug}/export/${platform.name}/${name}`;
    const run = (where: Locate) =>
      exportEdition({ html: kept.html, text: kept.text, defaults: kept.stored.defaults }, platform, {
        locate: where,
        files: { html: label('index.html'), text: label('index.txt') },
      });
    const probe = { asked: false };
    let result = run(() => ((probe.asked = true), undefined));
    if (probe.asked) result = run((locate ??= await sourceLocatorFor(project, slug)));
    const files = result.ok
      ? exportFiles(project.paths.out, kept.stored, result, zip ? images.images : undefined)
      : [];
    try {
      await writeAllAtomic(files.filter((f) => !holds(f.path, f.data)));
    } catch (error) {
      result.diagnostics.push(
        diag('WRITE_FAILED', 'error', (error as Error).message, { file: label('index.html') }),
      );
      result.ok = false;
    }
    results.push({
      slug,
      platform: platform.name,
      ok: result.ok,
      files: result.ok ? files.map((f) => displayPath(project.paths.out, f.path)) : [],
      fallbacks: result.fallbacks,
      diagnostics: result.diagnostics,
    });
  }
  return results;
}

/**
 * Whether the file already holds these bytes. Exporting an archive again rewrites nothing that did not
 * change: a rename over an existing file costs the file system far more than reading it (on a busy disk,
 * most of a second export's time went to renames).
 */
function holds(path: string, data: string | Uint8Array): boolean {
  try {
    return readFileSync(path).equals(typeof data === 'string' ? Buffer.from(data) : data);
  } catch {
    return false;
  }
}

/** Where a problem's text comes from: the edition's content files first, then the templates. */
async function sourceLocatorFor(project: Project, slug: string): Promise<Locate> {
  const entry = project.editions.find((e) => e.slug === slug)!;
  const source = await readEdition(project.paths.root, entry);
  const texts: SourceText[] = [
    ...[source.editionFile, ...source.articles]
      .filter((f) => f !== undefined)
      .map((f) => ({ file: f.file, text: Buffer.from(f.bytes).toString('utf8') })),
    ...[...project.templates.layouts, ...project.templates.partials].map((t) => ({
      file: t.file,
      text: t.source,
    })),
  ];
  return sourceLocator(texts);
}
