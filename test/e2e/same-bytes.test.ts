// Same input, same bytes: the golden tests and the incremental cache both rely on it.
//
// The project is built twice, each time into a fresh out folder (so no cache can skip the second build), and
// every file is compared byte for byte: the published ones and the private editions send and export read
// from. This catches anything a build writes that depends on when or how often it runs rather than on the
// content: a clock (`builtAt: Date.now()` in the manifest), a random MIME boundary or Message-ID in the
// .eml, a map iterated in insertion order that depends on which edition finished first. Only the cache's
// own records are left out: they hold file times on purpose.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { filesUnder } from '../helpers/files.js';

describe('a build is reproducible', () => {
  let project: TempProject;
  afterAll(() => project?.remove());

  it('writes the same bytes, file for file, when the same project is built twice into fresh folders', async () => {
    project = await tempProject();
    for (const out of ['out-first', 'out-second']) {
      const result = await project.run(['build', '--out', out]);
      expect(result.stderr).not.toContain('error');
      expect(result.code).toBe(0);
    }
    const first = join(project.dir, 'out-first');
    const second = join(project.dir, 'out-second');
    const files = await filesUnder(first);
    expect(files).toContain('kursk-talks/message.eml');
    expect(files).toContain(join('.newsletter', 'editions', 'kursk-talks.json'));
    expect(await filesUnder(second)).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(first, file)), readFile(join(second, file))]);
      expect(a.equals(b), `${file} differs between the two builds`).toBe(true);
    }
  });
});
