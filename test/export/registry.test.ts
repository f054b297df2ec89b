// Adding a platform is adding its file in src/export/platforms/ (and its test), and a line in registry.ts:
// the CLI's help and its validation read the same table.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, PLATFORM_NAMES } from '../../src/export/registry.js';
import { choose } from '../../src/export/choose.js';
import { REPO, runCli } from '../helpers/project.js';

describe('the platform registry', () => {
  it('lists every file in platforms/, each platform named as its file', () => {
    const files = readdirSync(new URL('../../src/export/platforms/', import.meta.url)).filter((name) =>
      name.endsWith('.ts'),
    );
    expect(PLATFORMS.map((p) => `${p.name}.ts`).sort()).toEqual(files.sort());
  });

  it("is what export's help lists", async () => {
    const run = await runCli(['export', '--help'], REPO);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(
      `--platform <name> ${PLATFORM_NAMES.join(', ')} (repeatable)`,
    );
  });

  it('is what export accepts, every name and nothing else', () => {
    for (const name of PLATFORM_NAMES)
      expect(choose({ slugs: ['a'], platform: [name] }, ['a'], 'content')).toHaveProperty('platforms');
    expect(choose({ slugs: ['a'], platform: ['mailchimps'] }, ['a'], 'content')).toHaveProperty('problems');
  });
});
