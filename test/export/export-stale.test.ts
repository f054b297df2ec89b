// `newsletter export` works from the edition build kept: when an article was removed or renamed since, that
// copy no longer matches the content, and the edition must be built again first.
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const article = (title: string) => `---\ntitle: ${title}\n---\nA body for ${title}.\n`;
let project: TempProject;
afterEach(() => project?.remove());

describe('export after the edition folder changed', () => {
  it('builds again first when an article was removed', async () => {
    project = await tempProject({
      'content/ed/01-a.md': article('First piece'),
      'content/ed/02-b.md': article('Second piece'),
    });
    expect((await project.runHere(['build'])).code).toBe(0);
    await rm(join(project.dir, 'content/ed/02-b.md'));
    const run = await project.runHere(['export', 'ed', '--platform', 'kit']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Building ed first (content/ed changed since the last build)');
    expect(await project.read('out/ed/export/kit/index.html')).not.toContain('Second piece');
  });

  it('builds again first when articles were renamed to change their order', async () => {
    project = await tempProject({
      'content/ed/01-a.md': article('First piece'),
      'content/ed/02-b.md': article('Second piece'),
    });
    expect((await project.runHere(['build'])).code).toBe(0);
    await rename(join(project.dir, 'content/ed/01-a.md'), join(project.dir, 'content/ed/03-a.md'));
    const run = await project.runHere(['export', 'ed', '--platform', 'kit']);
    expect(run.code).toBe(0);
    const text = await project.read('out/ed/export/kit/index.txt');
    expect(text.indexOf('Second piece')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Second piece')).toBeLessThan(text.indexOf('First piece'));
  });
});
