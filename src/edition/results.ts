// What a build reports: one result per edition, and the options a build takes. The model's types, kept
// apart from build.ts so that the stages and the worker threads can name them without importing the build.
import type { ProjectOptions } from '../project.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { BuiltEdition } from '../checks/rule.js';
import type { CheckSettings, EditionChecks } from '../checks/run-checks.js';

export interface EditionResult {
  slug: string;
  ok: boolean;
  /** Public files written, relative to the out folder. */
  files: string[];
  diagnostics: Diagnostic[];
  built?: BuiltEdition;
  /** Skipped by an incremental build: its inputs are unchanged since it was last built (no `built`). */
  cached?: boolean;
  /**
   * With `check` set: what check's own rules found where the edition was built, apart from `diagnostics`
   * (which the manifest and the cache hold), and what its main-thread part (live links, SpamAssassin) needs.
   */
  checks?: EditionChecks;
}

export interface BuildReport {
  /** Problems with the project itself (config, templates, unknown slugs): exit code 2 or 1. */
  diagnostics: Diagnostic[];
  usageError: boolean;
  editions: EditionResult[];
  /** Worker threads the editions were built in (0: this thread). */
  workers?: number;
}

/**
 * Writing or not, as exclusive choices: a dry run writes nothing, so it has no cache to skip editions by;
 * only a writing build is incremental. `{ dryRun: true, incremental: true }` is a type error, not a silently
 * ignored wish. A dry run builds in this thread (its callers want each rendered edition) unless asked to be
 * parallel, as `check` asks: then its results carry no `built`, and `check` is what ran on them.
 */
export type BuildMode =
  | {
      dryRun: true;
      /** Build in worker threads when there are many editions: the results then carry no `built`. */
      parallel?: boolean;
    }
  | {
      dryRun?: false;
      /** Skip editions whose inputs are unchanged since they were last built (see src/cache/). */
      incremental?: boolean;
      /** Build in worker threads when there are many editions to build; their results then carry no `built`. */
      parallel?: boolean;
    };

/** Which project, and which of its editions (all when `slugs` is absent). */
export type BuildTarget = ProjectOptions & { slugs?: string[] };

/** What a build is asked to do, as data: all of it reaches the worker threads (workers/pool.ts). */
export type BuildSettings = BuildTarget &
  BuildMode & {
    /**
     * `check`'s own rules, run on each edition right after the build's, in the thread that built it (their
     * findings in `checks` of its result): a worker thread of a parallel build, or this one.
     */
    check?: CheckSettings;
  };

/** What a build calls back as editions are done: functions, which stay in this thread. */
export interface BuildCallbacks {
  /** Called as each edition is done (in the order they finish); `index` counts them. */
  onEdition?: (result: EditionResult, index: number, total: number) => void;
  /**
   * Runs on each edition as soon as it is built, in this thread, and what it returns takes the edition's place
   * in the report. An edition built in this thread comes with what was built (`built`), and the hook is
   * awaited before the next is built: dropping `built` there, checking a thousand editions holds one in
   * memory, not a thousand. Editions built in worker threads come without `built`, as they finish, and the
   * hooks of several may run at once; the build ends when every hook has. `check` requests live links and
   * runs SpamAssassin here, from its results' `checks`.
   */
  afterEdition?: (result: EditionResult) => Promise<EditionResult>;
}

export type BuildOptions = BuildSettings & BuildCallbacks;
