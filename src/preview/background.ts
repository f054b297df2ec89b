// After the preview listens: every edition it has not built yet, built one at a time in the project's
// order, between the requests it serves (a page asking for one has it built next: PreviewState.ensure).
// Open pages hear of them in batches, over the same Server-Sent Events as a rebuild.
import { setImmediate } from 'node:timers/promises';
import type { EditionResult } from '../edition/results.js';
import type { PreviewState, Rebuilt } from './state.js';

/** Often enough to watch the index fill in; rarely enough that a thousand editions are not a thousand
 *  reloads of every open page. */
const REPORT_EVERY_MS = 250;

/** Resolves once nothing is pending, or after the current edition once `stopping` is aborted;
 *  `firstDone` is called after the first edition (or at the end, when there was none). */
export async function buildPending(
  state: PreviewState,
  stopping: AbortSignal,
  report: (rebuilt: Rebuilt) => void,
  firstDone: () => void = () => {},
): Promise<void> {
  let batch: EditionResult[] = [];
  let since = performance.now();
  const flush = () => {
    if (batch.length === 0) return;
    state.version += 1;
    const results = batch;
    batch = [];
    const ms = performance.now() - since;
    since = performance.now();
    report({ version: state.version, all: false, diagnostics: state.projectDiagnostics, results, ms });
  };
  state.onBuiltAside = (result) => {
    batch.push(result);
    // the last one is reported with no delay: once the index shows nothing building, the events agree
    if (state.pending.size === 0 || performance.now() - since >= REPORT_EVERY_MS) flush();
  };
  try {
    while (!stopping.aborted) {
      // let requests in between editions: each is mostly synchronous work
      await setImmediate();
      const next = state.pending.values().next();
      if (next.done) break;
      await state.ensure(next.value);
      firstDone();
    }
  } finally {
    firstDone();
    flush();
    // an edition a page asks for later (none is pending once this ends, unless stopped) is still reported
    state.onBuiltAside = (result) => {
      batch.push(result);
      flush();
    };
  }
}
