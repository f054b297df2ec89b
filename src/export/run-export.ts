// `newsletter export`, the steps with I/O: choose the platforms, find the edition as build kept it (building
// it first when missing or stale), export and check it for each platform, write what passed.
import { displayPath, readEdition } from '../content/discover.js';
import { lineColumnAt } from '../content/text.js';
import { diag, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { writeAllAtomic } from '../output/write.js';
import { loadProject, projectPaths, type ProjectOptions } from '../project.js';
import { readKeptEdition, readStoredImages, staleness } from '../send/stored-edition.js';
import { exportEdition } from './export-edition.js';
import { exportFiles } from './export-files.js';
import type { Platform } from './platform.js';
import { loadPlatforms } from './registry.js';

export interface ExportOptions extends ProjectOptions {
  slug: string;
  /** Platform names (`--platform` may be repeated). */
  platform?: string[];
  all?: boolean;
  zip?: boolean;
  /** Told why the edition is being built first ("content/x.md changed since the last build"). */
  onBuild?: (reason: string) => void;
}

export interface PlatformResult {
  platform: string;
  ok: boolean;
  /** Files written, relative to the out folder. */
  files: string[];
  fallbacks: string[];
  diagnostics: Diagnostic[];
}

export interface ExportReport {
  usageError: boolean;
  diagnostics: Diagnostic[];
  /** Why the edition was built first, when it was. */
  built?: string;
  platforms: PlatformResult[];
}

export async function runExport(options: ExportOptions): Promise<ExportReport> {
  const stop = (diagnostics: Diagnostic[], usageError: boolean, built?: string): ExportReport => ({
    usageError,
    diagnostics,
    platforms: [],
    ...(built ? { built } : {}),
  });

  // 1. the platforms asked for
  const all = await loadPlatforms();
  const names = all.map((p) => p.name).join(', ');
  const asked = options.platform ?? [];
  if (asked.length > 0 === Boolean(options.all)) {
    return stop(
      [
        diag(
          'EXPORT_PLATFORM',
          'error',
          options.all ? 'give --platform or --all, not both' : 'no platform given',
          {},
          `--platform <name> (${names}) or --all`,
        ),
      ],
      true,
    );
  }
  const unknown = asked.filter((name) => !all.some((p) => p.name === name));
  if (unknown.length > 0)
    return stop(
      unknown.map((name) =>
        diag('EXPORT_PLATFORM', 'error', `unknown platform "${name}"`, {}, `platforms: ${names}`),
      ),
      true,
    );
  const platforms: Platform[] = options.all ? all : all.filter((p) => asked.includes(p.name));

  // 2. the project and the edition
  const loaded = await loadProject(options);
  if (!loaded.project) return stop(loaded.diagnostics, loaded.usageError);
  const project = loaded.project;
  const entry = project.editions.find((e) => e.slug === options.slug);
  if (!entry) {
    return stop(
      [
        diag(
          'UNKNOWN_EDITION',
          'error',
          `no edition "${options.slug}" in ${project.paths.contentLabel}`,
          {},
          `editions: ${project.editions.map((e) => e.slug).join(', ')}`,
        ),
      ],
      true,
    );
  }

  // 3. the edition as build kept it (tokens in place), built first when missing or stale
  const diagnostics = [...loaded.diagnostics];
  const stale = await staleness(project, options.slug, projectPaths(options).config);
  if (stale) {
    options.onBuild?.(stale);
    // Loaded only when needed: rendering pulls in MJML, which an export from a current build never needs.
    const { build } = await import('../build.js');
    const { root, content, templates, out, config } = options;
    const built = await build({ root, content, templates, out, config, slugs: [options.slug] });
    diagnostics.push(...built.diagnostics, ...built.editions.flatMap((e) => e.diagnostics));
    if (built.usageError || !built.editions.every((e) => e.ok))
      return stop(diagnostics, built.usageError, stale);
  }
  const kept = await readKeptEdition(project.paths.out, options.slug);
  if (!kept) {
    return stop(
      [
        ...diagnostics,
        diag(
          'STORED_EDITION',
          'error',
          `cannot read the kept edition of ${options.slug} under ${project.paths.outLabel}/.newsletter/editions/`,
          {},
          'run `newsletter build` and check the output folder is writable',
        ),
      ],
      false,
      stale,
    );
  }

  // a zip carries the edition's local images beside index.html, as build published them
  const images = options.zip ? await readStoredImages(project.paths.out, kept) : { images: [] };
  if ('missing' in images)
    return stop(
      [
        ...diagnostics,
        diag('STORED_EDITION', 'error', `cannot read ${images.missing}`, {}, 'build the edition again'),
      ],
      false,
      stale,
    );

  // 4. each platform: export, check, and write only what passed
  // Where a problem's text comes from: the edition's content files first, then the templates.
  const source = await readEdition(project.paths.root, entry);
  const texts = [
    ...[source.editionFile, ...source.articles]
      .filter((f) => f !== undefined)
      .map((f) => ({ file: f.file, text: Buffer.from(f.bytes).toString('utf8') })),
    ...[...project.templates.layouts, ...project.templates.partials].map((t) => ({
      file: t.file,
      text: t.source,
    })),
  ];
  const locate = (needle: string): Location | undefined => {
    for (const source of texts) {
      const at = needle ? source.text.indexOf(needle) : -1;
      if (at >= 0) return { file: source.file, ...lineColumnAt(source.text, at) };
    }
    return undefined;
  };
  const relative = (path: string) => displayPath(project.paths.out, path);
  const results: PlatformResult[] = [];
  for (const platform of platforms) {
    const label = (name: string) =>
      `${project.paths.outLabel}/${options.slug}/export/${platform.name}/${name}`;
    const result = exportEdition(
      { html: kept.html, text: kept.text, defaults: kept.stored.defaults },
      platform,
      {
        locate,
        files: { html: label('index.html'), text: label('index.txt') },
      },
    );
    const files = result.ok
      ? exportFiles(project.paths.out, kept.stored, result, options.zip ? images.images : undefined)
      : [];
    try {
      await writeAllAtomic(files);
    } catch (error) {
      result.diagnostics.push(
        diag('WRITE_FAILED', 'error', (error as Error).message, { file: label('index.html') }),
      );
      result.ok = false;
    }
    results.push({
      platform: platform.name,
      ok: result.ok,
      files: result.ok ? files.map((f) => relative(f.path)) : [],
      fallbacks: result.fallbacks,
      diagnostics: result.diagnostics,
    });
  }
  return { usageError: false, diagnostics, platforms: results, ...(stale ? { built: stale } : {}) };
}
