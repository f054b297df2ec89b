// The live-link checker's time limit counts the server's time, not time this thread spends blocked on its
// own work: the cause of good links reported as "did not answer within 1 s" while MJML compiled beside them.
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { serverTimeLimit } from '../../src/checks/server-time.js';

/** Keeps this thread busy, as compiling MJML does: no timer or socket is served meanwhile. */
function blockFor(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('serverTimeLimit', () => {
  it('does not charge a long block of this thread to the server, and still runs out', async () => {
    const limit = serverTimeLimit(1000);
    const started = performance.now();
    blockFor(1500);
    await nextTurn(); // the clock's first tick after the block: a plain 1 s timer would have fired here
    expect(limit.signal.aborted).toBe(false);
    await once(limit.signal, 'abort');
    expect(performance.now() - started).toBeGreaterThan(1500);
    expect((limit.signal.reason as Error).name).toBe('TimeoutError');
  });

  it('stops without aborting once the request settles', async () => {
    const limit = serverTimeLimit(50);
    limit.stop();
    blockFor(300);
    for (let i = 0; i < 3; i++) await nextTurn();
    expect(limit.signal.aborted).toBe(false);
  });
});
