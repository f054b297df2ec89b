// What a build reports: one result per edition, and the options a build takes. The model's types, kept
// apart from build.ts so that the stages and the worker threads can name them without importing the build.
import type { ProjectOptions } from '../project.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { BuiltEdition } from '../checks/rule.js';

export interface EditionResult {
  slug: string;
  ok: boolean;
  /** Public files written, relative to the out folder. */
  files: string[];
  diagnostics: Diagnostic[];
  built?: BuiltEdition;
  /** Skipped by an incremental build: its inputs are unchanged since it was last built (no `built`). */
  cached?: boolean;
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
 * Writing or not, as exclusive choices: a dry run writes nothing, so it has no cache to skip editions by and
 * builds in this thread (its callers want each rendered edition); only a writing build is incremental or
 * parallel. `{ dryRun: true, incremental: true }` is a type error, not a silently ignored wish.
 */
export type BuildMode =
  | { dryRun: true }
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
export type BuildSettings = BuildTarget & BuildMode;

/** What a build calls back as editions are done: functions, which stay in this thread. */
export interface BuildCallbacks {
  /** Called as each edition is done (in the order they finish); `index` counts them. */
  onEdition?: (result: EditionResult, index: number, total: number) => void;
  /**
   * Runs on each edition built in this thread as soon as it is built, and is awaited before the next: what it
   * returns takes the edition's place in the report. `check` runs its own rules here and drops the rendered
   * edition, so that checking a thousand editions holds one in memory, not a thousand.
   */
  afterEdition?: (result: EditionResult) => Promise<EditionResult>;
}

export type BuildOptions = BuildSettings & BuildCallbacks;
