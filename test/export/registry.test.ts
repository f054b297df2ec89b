// Adding a platform is adding its file in src/export/platforms/ (and its test), and a line in registry.ts.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/export/registry.js';

describe('the platform registry', () => {
  it('lists every file in platforms/, each platform named as its file', () => {
    const files = readdirSync(new URL('../../src/export/platforms/', import.meta.url)).filter((name) =>
      name.endsWith('.ts'),
    );
    expect(PLATFORMS.map((p) => `${p.name}.ts`).sort()).toEqual(files.sort());
  });
});
