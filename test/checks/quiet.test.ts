import { describe, expect, it } from 'vitest';
import { allRules, built } from './helpers.js';

describe('the pure rules on a good page', () => {
  it('find nothing', async () => {
    expect(allRules(await built())).toEqual([]);
  });
});
