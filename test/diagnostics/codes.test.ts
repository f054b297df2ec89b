import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { REPO } from '../helpers/project.js';

async function sources(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && e.name !== 'codes.ts')
    .map((e) => join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

describe('the table of diagnostic codes', () => {
  it('describes every code in one sentence', () => {
    for (const [code, description] of Object.entries(CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(description.length, code).toBeGreaterThan(10);
    }
  });

  it('has no code that nothing emits', async () => {
    const src = await sources(join(REPO, 'src'));
    const unused = Object.keys(CODES).filter((code) => !src.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('is documented in docs/codes.md (regenerate with `npm run docs`)', async () => {
    const page = await readFile(join(REPO, 'docs/codes.md'), 'utf8');
    const { codesTable } = await import('../../scripts/codes-doc.js');
    expect(page).toContain(codesTable());
  });
});
