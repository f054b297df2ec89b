// A request's time limit that counts only the server's time. `check --online` runs its requests beside
// CPU-bound work in the same thread (client support compiles MJML; other editions render meanwhile), and a
// plain timer keeps running while that work blocks the event loop: after a 1.5 s block, a 1 s
// AbortSignal.timeout fires before the answer already waiting in the socket is read, and a good link is
// reported as silent. This clock ticks every TICK_MS and counts at most two ticks for any one of them, so
// a long block costs the server little of its allowance while a truly silent server still runs out.

const TICK_MS = 100;

export interface ServerTimeLimit {
  /** Aborts, with a TimeoutError, once the server has had `ms` of this thread's attention. */
  signal: AbortSignal;
  /** Stop the clock (the request settled). */
  stop(): void;
}

export function serverTimeLimit(ms: number): ServerTimeLimit {
  const controller = new AbortController();
  let counted = 0;
  let last = performance.now();
  const clock = setInterval(() => {
    const now = performance.now();
    counted += Math.min(now - last, 2 * TICK_MS);
    last = now;
    if (counted < ms) return;
    clearInterval(clock);
    controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError'));
  }, TICK_MS);
  return { signal: controller.signal, stop: () => clearInterval(clock) };
}
