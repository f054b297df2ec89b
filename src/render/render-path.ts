// The one place that chooses how newsletter makes its HTML and its messages. Two paths give the same bytes:
//
// - the reference path (reference.ts): the whole document through mjml2html, which inlines the CSS with its
//   own juice; the .eml written by nodemailer's own build(). Short, and what the output is defined by.
// - the fast path (fast/), the default: compiled skeletons kept between builds, inline CSS by signature and
//   by holes, the .eml in one pass, MJML loaded lean and in a thread of its own. Each piece is tested byte for
//   byte against the reference in test/render/fast/, and test/e2e/render-paths.test.ts builds the fixture
//   projects both ways and compares every file.
//
// NEWSLETTER_RENDER=reference takes the reference path for a run (default: fast), Markdown's included
// (content/markdown.ts asks renderPath()): to find out whether a
// difference comes from the fast path, or to compare. Everything that compiles MJML, writes a message or
// starts the MJML thread goes through here; nothing else imports fast/ or reference.ts. The fast path's
// compile and writer are imported on first use, so that the CLI can read the switch without loading them.
import type MimeNode from 'nodemailer/lib/mime-node';
import type { Mjml2Html, MjmlResult, SkeletonFolder } from './mjml-options.js';
import { referenceHtml, referenceMessage, referenceMjml } from './reference.js';
import {
  mjmlThread,
  nextMjmlRequest,
  startMjmlThread as startThread,
  stopMjmlThread as stopThread,
} from './fast/mjml-thread.js';
import { hasStoredSkeletons as skeletonsOnDisk } from './fast/skeleton-store.js';

export const RENDER_ENV = 'NEWSLETTER_RENDER';
export const RENDER_PATHS = ['fast', 'reference'] as const;
export type RenderPath = (typeof RENDER_PATHS)[number];

/** What is wrong with NEWSLETTER_RENDER, if anything: the CLI says it before any command runs. */
export function renderPathProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[RENDER_ENV];
  if (value === undefined || value === '' || (RENDER_PATHS as readonly string[]).includes(value))
    return undefined;
  return `${RENDER_ENV}=${JSON.stringify(value)} is not a render path: use "fast" (the default) or "reference"`;
}

/** The path this process renders by (read each time: a test may switch it). */
export function renderPath(env: NodeJS.ProcessEnv = process.env): RenderPath {
  const problem = renderPathProblem(env);
  if (problem) throw new Error(problem);
  return (env[RENDER_ENV] || 'fast') as RenderPath;
}

let fastCompile: Promise<typeof import('./fast/compile.js')> | undefined;
let fastWriter: Promise<typeof import('./fast/mime-one-pass.js')> | undefined;

/** An edition's MJML as HTML (not yet slimmed), or MJML's errors. `skeletons`: where the fast path keeps
 * compiled skeletons between builds (none: in memory only). */
export async function mjmlToHtml(source: string, skeletons?: SkeletonFolder): Promise<MjmlResult> {
  if (renderPath() === 'reference') return referenceHtml(source);
  return (await (fastCompile ??= import('./fast/compile.js'))).fastHtml(source, skeletons);
}

/** MJML's compile itself, for a document compiled with options of its own (check's client-support baseline). */
export async function mjmlCompiler(): Promise<Mjml2Html> {
  if (renderPath() === 'reference') return referenceMjml();
  return (await (fastCompile ??= import('./fast/compile.js'))).fastMjml();
}

/** The bytes of a message MailComposer compiled, as `build` writes them and `send` sends them. */
export async function messageBytes(node: MimeNode): Promise<Buffer> {
  if (renderPath() === 'reference') return referenceMessage(node);
  return (await (fastWriter ??= import('./fast/mime-one-pass.js'))).buildMime(node);
}

/** On the fast path, starts the MJML thread (fast/mjml-thread.ts) unless it runs; the reference path compiles
 * in the thread that asks. `loadMjml`: load MJML itself at once, not only its parser and juice. */
export function startMjmlThread(options: { loadMjml: boolean }): void {
  if (renderPath() === 'fast') startThread(options);
}

/**
 * Resolves when this thread next hands the MJML thread a document; undefined when no MJML thread runs (a build
 * worker, the reference path). Never a promise that nothing will settle: a Promise.race on one keeps each
 * racer's result alive for ever (a build worker kept every edition's HTML: 600 MB for 5000 editions).
 */
export const mjmlThreadAsked = (): Promise<void> | undefined =>
  mjmlThread() ? nextMjmlRequest() : undefined;

/**
 * Starts work that asks the MJML thread to compile (an edition's render, its whole build), and says when this
 * thread is free again: `handedOver` settles once the work has handed the thread its document, or once the
 * work is over (no thread runs, or it never asked). The one place that waits on mjmlThreadAsked().
 */
export function handOver<T>(start: () => Promise<T>): { work: Promise<T>; handedOver: Promise<unknown> } {
  const asked = mjmlThreadAsked(); // before the work starts: its request settles it
  const work = start();
  const over = work.then(
    () => undefined,
    () => undefined,
  );
  return { work, handedOver: asked ? Promise.race([over, asked]) : over };
}

/** Stops the MJML thread, if one runs. */
export const stopMjmlThread = (): void => stopThread();

/** Whether compiled skeletons are kept in `dir`: if none, a build on the fast path surely needs MJML itself. */
export const hasStoredSkeletons = (dir: string): boolean => renderPath() === 'fast' && skeletonsOnDisk(dir);
