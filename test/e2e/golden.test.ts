// Golden outputs: the built HTML, text, .eml and manifest of fixture projects, compared byte for byte. The
// .eml is here too because the incremental cache keeps an edition's message as long as its inputs are
// unchanged: any drift in it (a new header, a boundary, an encoding) must be a reviewed change.
// After an intended change, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/e2e/golden.test.ts`
// and review the diff like any other code change.
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const FILES = ['index.html', 'index.txt', 'message.eml', 'manifest.json'];
const cases: Record<string, string | undefined> = {
  sample: undefined,
  features: join(REPO, 'test/fixtures/build/features/content'),
  // Arabic, Japanese and Ukrainian editions, and an English one with a Hebrew article
  i18n: join(REPO, 'test/fixtures/build/i18n/content'),
};

describe.each(Object.entries(cases))('golden build output: %s', (name, content) => {
  let project: TempProject;
  afterAll(() => project?.remove());

  it('matches the reviewed golden files', async () => {
    project = await tempProject(content ? {} : undefined);
    if (content) await cp(content, join(project.dir, 'content'), { recursive: true });
    const result = await project.runHere(['build']);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);

    const slugs = (await readdir(join(project.dir, 'out'))).filter(
      (s) => !s.startsWith('.') && !s.includes('.'),
    );
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      for (const file of FILES) {
        const actual = await readFile(join(project.dir, 'out', slug, file), 'utf8');
        const golden = join(REPO, 'test/golden/build', name, slug, file);
        if (UPDATE) {
          await mkdir(join(golden, '..'), { recursive: true });
          await writeFile(golden, actual);
        }
        expect(actual, `${name}/${slug}/${file}`).toBe(await readFile(golden, 'utf8'));
      }
    }
  });
});
