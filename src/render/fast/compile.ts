// The fast path's MJML compile (render-path.ts chooses it): an edition's HTML by way of its compiled skeleton
// (skeleton-compile.ts) when it can be, else the whole document through mjml2html; in the MJML thread while
// one runs (mjml-thread.ts: a small build or the preview started it), else in this thread. MJML itself
// loads lean (library-internals.ts, requireLean).
import { createRequire } from 'node:module';
import { requireLean } from '../../library-internals.js';
import { MJML_OPTIONS, type Mjml2Html, type MjmlResult, type SkeletonFolder } from '../mjml-options.js';
import { mjmlThread, MjmlThreadStopped, type MjmlThread } from './mjml-thread.js';
import { compileAsSkeleton } from './skeleton-compile.js';

const require = createRequire(import.meta.url);

let mjml2html: Promise<Mjml2Html> | undefined;
/** MJML in this thread, loaded lean on first use (a third of a second); callers that ask while it loads
 * wait for that one load (the MJML thread asks at start and again at its first compile). */
export function mjmlHere(): Promise<Mjml2Html> {
  mjml2html ??= importMjml().catch((error: unknown) => {
    mjml2html = undefined; // the next caller tries again
    throw error;
  });
  return mjml2html;
}

async function importMjml(): Promise<Mjml2Html> {
  return requireLean(() => require('mjml') as Mjml2Html); // CommonJS: its exports are the function
}

/** MJML's compile: in the MJML thread while one runs, else in this thread. */
export async function fastMjml(): Promise<Mjml2Html> {
  const thread = mjmlThread();
  return thread
    ? (mjml, options) =>
        inThread(
          thread,
          (t) => t.compile(mjml, options),
          async () => (await mjmlHere())(mjml, options),
        )
    : mjmlHere();
}

/** The document's HTML, from its skeleton when it can be; else the whole document's HTML, or its errors. */
export async function fastHtml(source: string, skeletons?: SkeletonFolder): Promise<MjmlResult> {
  const thread = mjmlThread();
  const here = () => compileAsSkeleton(source, skeletons, mjmlHere);
  const html = thread ? await inThread(thread, (t) => t.skeleton(source, skeletons), here) : await here();
  if (html !== undefined) return { html, errors: [] };
  // the whole document: when it cannot be split, and for its errors, which then carry their real lines
  return (await fastMjml())(source, MJML_OPTIONS);
}

/** Asks the MJML thread; if it stopped before answering (it crashed, or was stopped), does the work here. */
async function inThread<T>(
  thread: MjmlThread,
  there: (thread: MjmlThread) => Promise<T>,
  here: () => Promise<T>,
): Promise<T> {
  try {
    return await there(thread);
  } catch (error) {
    if (error instanceof MjmlThreadStopped) return here();
    throw error;
  }
}
