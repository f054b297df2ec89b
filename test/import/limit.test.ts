import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/import/limit.js';

describe('mapLimit', () => {
  it('runs at most 4 jobs at once and keeps the results in input order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimit([5, 1, 4, 2, 3, 0, 6, 7, 1, 2], 4, async (n) => {
      running++;
      most = Math.max(most, running);
      for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
      running--;
      return n * 10;
    });
    expect(most).toBe(4);
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60, 70, 10, 20]);
  });

  it('does nothing for no items', async () => {
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });
});
