// What the preview knows: the loaded project and, per edition, the latest build attempt and the latest
// build that rendered (shown under the error overlay while a later attempt fails). Changes arrive as
// plans (changes.ts) and rebuild only what they touch.
// Whatever a rebuild throws (a bug, a stack overflow on hostile content) is caught here and shown as an
// INTERNAL_ERROR of the edition, or of the project, over the last good build: the preview never dies of it
// and never silently keeps a stale page.
import { setImmediate } from 'node:timers/promises';
import type { EditionResult } from '../edition/results.js';
import { buildEdition } from '../pipeline.js';
import type { BuiltEdition } from '../checks/rule.js';
import { displayPath, listEditions } from '../content/discover.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadProject, type Project, type ProjectOptions } from '../project.js';
import type { ChangePlan } from './changes.js';
import { readKeptSummaries, type KeptSummary } from './kept-summaries.js';

export interface PreviewEdition {
  slug: string;
  latest: EditionResult;
  /** What the frame shows: the latest build that rendered. A check error (too heavy, say) still renders;
   *  a content or template error keeps the one before. */
  rendered?: BuiltEdition;
}

/** One line of the index: an edition built by the preview, or one still waiting for its turn. */
export type IndexRow = { slug: string; built: PreviewEdition } | { slug: string; kept?: KeptSummary };

export interface Rebuilt {
  version: number;
  /** Every page may have changed (project reloaded or edition list changed). */
  all: boolean;
  /** Problems of the project as a whole after this rebuild (config, templates, content folder). */
  diagnostics: Diagnostic[];
  results: EditionResult[];
  ms: number;
}

export class PreviewState {
  project?: Project;
  /** Problems of the project as a whole (config, templates, content folder). */
  projectDiagnostics: Diagnostic[] = [];
  /** Problems of the preview itself (what the watcher cannot watch, an inbox that cannot start), kept
   *  until it stops. */
  readonly serveDiagnostics: Diagnostic[] = [];
  usageError = false;
  readonly editions = new Map<string, PreviewEdition>();
  /** What the pages show of the project as a whole. */
  get pageDiagnostics(): Diagnostic[] {
    return [...this.projectDiagnostics, ...this.serveDiagnostics];
  }
  /** Bumped after every rebuild; pages carry it so a reload missed while connecting is caught up. */
  version = 0;
  /** Listed editions not built since the preview started (in the project's order): the index shows them as
   *  building, with what `build` kept of them when that is current. */
  readonly pending = new Set<string>();
  kept = new Map<string, KeptSummary>();
  /** Hears of each edition built on request or in the background (a plan's editions come back from apply). */
  onBuiltAside: (result: EditionResult) => void = () => {};
  /** One edition builds at a time: plans, requests and the background take turns, edition by edition. */
  private turn: Promise<unknown> = Promise.resolve();

  /** `write`: also write what build writes into out/ (the preview itself serves from memory); `onError`
   *  hears of each exception caught (for its stack, with --debug). */
  constructor(
    readonly options: ProjectOptions,
    readonly write: boolean,
    private readonly onError: (error: Error) => void = () => {},
    /** Aborted when the preview is asked to stop: the rebuild in progress ends after its current edition. */
    private readonly stopping?: AbortSignal,
  ) {}

  /** The index's rows, in the project's order: built editions, then any the project no longer lists. */
  indexRows(): IndexRow[] {
    const listed = this.project?.editions.map((e) => e.slug) ?? [];
    const slugs = new Set([
      ...listed.filter((s) => this.editions.has(s) || this.pending.has(s)),
      ...this.editions.keys(),
    ]);
    return [...slugs].map((slug) => {
      const built = this.editions.get(slug);
      return built
        ? { slug, built }
        : { slug, ...(this.kept.has(slug) ? { kept: this.kept.get(slug)! } : {}) };
    });
  }

  /** Start-up: loads the project and lists its editions as pending, without building any of them. */
  async start(): Promise<Rebuilt> {
    const started = performance.now();
    const slugs = await this.load();
    for (const slug of slugs) this.pending.add(slug);
    if (this.project) this.kept = await readKeptSummaries(this.project).catch(() => new Map());
    this.version += 1;
    return {
      version: this.version,
      all: true,
      diagnostics: this.projectDiagnostics,
      results: [],
      ms: performance.now() - started,
    };
  }

  /** Builds a pending edition now (a page asks for it, or the background's turn came); resolves when built. */
  async ensure(slug: string): Promise<void> {
    if (!this.pending.has(slug)) return;
    await this.exclusive(async () => {
      if (!this.pending.has(slug)) return;
      const entry = this.project?.editions.find((e) => e.slug === slug);
      if (entry) this.onBuiltAside(this.record(await this.build(entry)));
      else this.pending.delete(slug); // gone from the project since it was listed
    });
  }

  async apply(plan: ChangePlan): Promise<Rebuilt> {
    const started = performance.now();
    const all = plan.project || plan.list || !this.project;
    let slugs = [...plan.slugs];
    if (plan.project || !this.project) slugs = await this.load();
    else if (plan.list) slugs = await this.relist(slugs);
    const results: EditionResult[] = [];
    for (const slug of slugs) {
      // Between editions, let the event loop run: a build is mostly synchronous work, and without this a
      // Ctrl-C (or a page's request) would wait for the last edition of a long rebuild.
      await setImmediate();
      if (this.stopping?.aborted) break;
      const entry = this.project?.editions.find((e) => e.slug === slug);
      if (entry) results.push(await this.exclusive(async () => this.record(await this.build(entry))));
    }
    this.forgetRemoved();
    this.version += 1;
    return {
      version: this.version,
      all,
      diagnostics: this.projectDiagnostics,
      results,
      ms: performance.now() - started,
    };
  }

  /** Loads the project afresh; returns every edition's slug, or none when it cannot be loaded. */
  private async load(): Promise<string[]> {
    const loaded = await loadProject(this.options).catch((error: Error) => {
      this.onError(error);
      return {
        project: undefined,
        usageError: false,
        diagnostics: [internalError(error, 'loading the project')],
      };
    });
    this.projectDiagnostics = loaded.diagnostics;
    this.usageError = loaded.usageError;
    // a broken config or template keeps the editions as they were: the overlay says what broke
    if (!loaded.project) return [];
    this.project = loaded.project;
    return loaded.project.editions.map((e) => e.slug);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const done = this.turn.then(work);
    this.turn = done.catch(() => {});
    return done;
  }

  /** One edition; an exception becomes its diagnostic, at its file or folder. */
  private async build(entry: Project['editions'][number]): Promise<EditionResult> {
    const project = this.project!;
    try {
      return await buildEdition(project, entry, !this.write);
    } catch (error) {
      this.onError(error as Error);
      const file = displayPath(project.paths.root, entry.path);
      return {
        slug: entry.slug,
        ok: false,
        files: [],
        diagnostics: [internalError(error, 'building', file)],
      };
    }
  }

  /** Lists the editions again; returns the slugs to build: new ones and those already planned. */
  private async relist(planned: string[]): Promise<string[]> {
    const project = this.project!;
    try {
      const editions = await listEditions(project.paths.content);
      const added = editions.filter((e) => !this.editions.has(e.slug)).map((e) => e.slug);
      this.project = { ...project, editions };
      this.projectDiagnostics = this.projectDiagnostics.filter((d) => d.code !== 'FILE_READ');
      return [...new Set([...added, ...planned])];
    } catch (error) {
      this.project = { ...project, editions: [] };
      this.projectDiagnostics = [
        diag('FILE_READ', 'error', `cannot read content: ${(error as Error).message}`, {
          file: project.paths.contentLabel,
        }),
      ];
      return [];
    }
  }

  private record(result: EditionResult): EditionResult {
    this.pending.delete(result.slug);
    const previous = this.editions.get(result.slug);
    this.editions.set(result.slug, {
      slug: result.slug,
      latest: result,
      rendered: result.built ?? previous?.rendered,
    });
    return result;
  }

  private forgetRemoved(): void {
    const present = new Set(this.project?.editions.map((e) => e.slug) ?? []);
    for (const slug of this.editions.keys()) if (!present.has(slug)) this.editions.delete(slug);
    for (const slug of this.pending) if (!present.has(slug)) this.pending.delete(slug);
  }
}

/** An exception where none was expected; the stack goes to the terminal with --debug (commands/preview.ts). */
export function internalError(error: unknown, doing: string, file?: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return diag(
    'INTERNAL_ERROR',
    'error',
    `${doing} failed unexpectedly: ${message}`,
    file ? { file } : {},
    'the preview keeps running: undo the last change and save; run with --debug for the stack, and please report it',
  );
}
