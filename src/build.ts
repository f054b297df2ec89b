// A build of the project: load it, pick the editions, build each through the pipeline (pipeline.ts) in
// this thread or in worker threads (workers/), then write the web archive.
import { loadProject } from './project.js';
import { diag, type Diagnostic } from './diagnostics/diagnostic.js';
import { displayPath } from './content/discover.js';
import { recoverOut } from './output/swap.js';
import type { BuildOptions, BuildReport, EditionResult } from './edition/results.js';
import { buildEditions } from './workers/build-editions.js';
import { stopMjmlThread } from './render/render-path.js';

// The archive stage loads on first use, like the edition stages (see pipeline.ts).
const archiveStage = () => import('./archive/write-archive.js');

export type { BuildOptions, BuildReport, EditionResult };

export async function build(options: BuildOptions): Promise<BuildReport> {
  try {
    return await buildProject(options);
  } finally {
    stopMjmlThread(); // the CLI may have started it before anything else (workers/early-mjml.ts)
  }
}

async function buildProject(options: BuildOptions): Promise<BuildReport> {
  const loaded = await loadProject(options);
  if (!loaded.project)
    return { diagnostics: loaded.diagnostics, usageError: loaded.usageError, editions: [] };
  const project = loaded.project;

  const entries = options.slugs?.length
    ? project.editions.filter((e) => options.slugs!.includes(e.slug))
    : project.editions;
  const unknown = (options.slugs ?? []).filter((slug) => !project.editions.some((e) => e.slug === slug));
  if (unknown.length > 0) {
    const known = project.editions.map((e) => e.slug).join(', ') || 'none';
    return {
      diagnostics: unknown.map((slug) =>
        diag(
          'UNKNOWN_EDITION',
          'error',
          `no edition "${slug}" in ${project.paths.contentLabel}`,
          {},
          `editions: ${known}`,
        ),
      ),
      usageError: true,
      editions: [],
    };
  }

  // what a killed build left in out/: swaps finished or rolled back, temporary files removed
  const recovered: Diagnostic[] = options.dryRun
    ? []
    : recoverOut(project.paths.out).map(({ path, message }) =>
        diag('WRITE_FAILED', 'warning', `cannot tidy what an interrupted build left: ${message}`, {
          file: displayPath(project.paths.root, path),
        }),
      );
  // the archive's code loads while the editions build (worker threads leave this one idle)
  const archiveCode = options.dryRun ? undefined : archiveStage();
  archiveCode?.catch(() => undefined); // a failure shows where it is awaited, not as an unhandled rejection
  const { editions, workers, diagnostics, checked } = await buildEditions(project, entries, options);
  // the web archive (out/index.html, out/feed.xml) lists every edition in out/ that still has a source,
  // rebuilt this run or not
  const sources = new Set(project.editions.map((e) => e.slug));
  const archive = archiveCode
    ? await (
        await archiveCode
      ).writeArchive(project.paths.out, project.paths.outLabel, project.config, sources, { checked })
    : [];
  return {
    diagnostics: [...loaded.diagnostics, ...recovered, ...diagnostics, ...archive],
    usageError: false,
    editions,
    workers,
  };
}
