import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tempProject, type RunResult, type TempProject } from '../helpers/project.js';

describe('newsletter build on the sample content', () => {
  let project: TempProject;
  let result: RunResult;

  beforeAll(async () => {
    project = await tempProject();
    result = await project.run(['build']);
  });
  afterAll(() => project.remove());

  it('exits 0 and reports each edition', () => {
    expect(result.stderr).toContain('kursk-talks');
    expect(result.code).toBe(0);
  });

  it('writes the four files of every edition', async () => {
    for (const slug of ['kursk-talks', '2026-11-field-notes']) {
      expect((await readdir(join(project.dir, 'out', slug))).sort()).toEqual(['index.html', 'index.txt', 'manifest.json', 'message.eml']);
    }
  });

  it('keeps the seed article text intact, byline and bio out of the body', async () => {
    const text = await project.read('out/kursk-talks/index.txt');
    expect(text).toContain('Russia’s Kursk Oblast');
    expect(text).toContain('By Dave DeCamp');
    expect(text).not.toContain('Author: Dave DeCamp');
    const html = await project.read('out/kursk-talks/index.html');
    expect(html).toContain('<title>Russia Says Talks With Ukraine Are Impossible After Kursk Offensive</title>');
    expect(html).toContain('lang="en"');
  });
});
