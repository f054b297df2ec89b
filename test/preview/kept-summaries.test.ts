// What the preview's index shows of an edition it has not built yet: the manifest build kept, only while
// the build cache holds it current.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { readKeptSummaries } from '../../src/preview/kept-summaries.js';
import { indexPage } from '../../src/preview/pages/index-page.js';
import { loadProject, type Project } from '../../src/project.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const article = (title: string) => `---\ntitle: ${title}\n---\nA paragraph about ${title}.\n`;

describe('kept summaries', () => {
  let project: TempProject;
  const load = async (): Promise<Project> => (await loadProject({ root: project.dir })).project!;

  beforeAll(async () => {
    project = await tempProject({
      'content/first.md': article('First'),
      'content/second.md': article('Second'),
      'content/third.md': article('Third'),
    });
    const report = await build({ root: project.dir, parallel: false });
    expect(report.editions.every((e) => e.ok)).toBe(true);
  });
  afterAll(() => project?.remove());

  it('reads subject, size and problem counts of every edition built and unchanged', async () => {
    const kept = await readKeptSummaries(await load());
    expect([...kept.keys()].sort()).toEqual(['first', 'second', 'third']);
    expect(kept.get('second')).toMatchObject({ subject: 'Second', errors: 0 });
    expect(kept.get('second')!.bytes).toBeGreaterThan(1000);
  });

  it('leaves out an edition changed since, and shows the rest as building on the index', async () => {
    await project.write('content/second.md', article('Second, revised'));
    const kept = await readKeptSummaries(await load());
    expect([...kept.keys()].sort()).toEqual(['first', 'third']);
    const page = indexPage([{ slug: 'first', kept: kept.get('first')! }, { slug: 'second' }], [], 1);
    expect(page).toMatch(
      /<tr class="building" data-slug="first">[\s\S]*?<td class="subject">First<\/td>[\s\S]*?KB of 102\.0 KB[\s\S]*?0 errors[\s\S]*?building…/,
    );
    expect(page).toMatch(/<tr class="building" data-slug="second">[\s\S]*?<td class="subject">—<\/td>/);
  });
});
