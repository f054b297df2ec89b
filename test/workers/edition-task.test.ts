// The two halves of an edition in a pair of workers (src/workers/edition-task.ts): each worker loads the
// project itself, so the finish half refuses an edition rendered with another version of the config or
// templates, rather than write it with its own and remember it as current.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../src/project.js';
import { finishTask, renderTask, withInputs } from '../../src/workers/edition-task.js';
import { tempProject, type TempProject } from '../helpers/project.js';

describe('an edition rendered in one worker and finished in another', () => {
  let temp: TempProject;
  let project: Project;

  beforeAll(async () => {
    temp = await tempProject();
    project = (await loadProject({ root: temp.dir })).project!;
  });
  afterAll(() => temp.remove());

  const rendered = async () => {
    const entry = project.editions.find((e) => e.slug === 'kursk-talks')!;
    return renderTask(project, await withInputs(project, { index: 0, entry }));
  };

  it('is written when both halves loaded the same project', async () => {
    const { result, cache } = await finishTask(project, await rendered());
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    expect(cache).toBeDefined();
    expect(existsSync(join(temp.dir, 'out/kursk-talks/index.html'))).toBe(true);
  });

  it('is not written, nor remembered, when a template changed between the two loads', async () => {
    const half = await rendered();
    const before = await temp.read('out/kursk-talks/index.txt');
    await temp.write(
      'templates/default.txt.hbs',
      `${await temp.read('templates/default.txt.hbs')}\nChanged.\n`,
    );
    const reloaded = (await loadProject({ root: temp.dir })).project!;
    const { result, cache } = await finishTask(reloaded, { ...half, index: 1 });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PROJECT_CHANGED']);
    expect(cache).toBeUndefined();
    expect(await temp.read('out/kursk-talks/index.txt')).toBe(before);
  });
});
