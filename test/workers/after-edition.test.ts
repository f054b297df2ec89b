// build's afterEdition hook, which `check` uses to check each edition as soon as it is built and then let it
// go: awaited before the next edition is built, so a long run holds one rendered edition at a time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, type EditionResult } from '../../dist/build.js';
import { tempProject, type TempProject } from '../helpers/project.js';

describe('afterEdition', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(() => project.remove());

  for (const dryRun of [true, false]) {
    it(`gets each edition as it is built and is awaited before the next (${dryRun ? 'dry run' : 'writing'})`, async () => {
      let running = 0;
      let most = 0;
      const handed: string[] = [];
      // Not a wait for anything: the hook holds the build up for a while, so that a build that did not
      // await it would start the next edition meanwhile (most = 2). A slow machine can only hide that bug,
      // never fail a correct build.
      const afterEdition = async ({ built, ...result }: EditionResult): Promise<EditionResult> => {
        most = Math.max(most, ++running);
        handed.push(`${result.slug}${built ? ' with its page' : ''}`);
        await new Promise((resolve) => setTimeout(resolve, 400));
        running--;
        return {
          ...result,
          diagnostics: [...result.diagnostics, { code: 'CHECKED', severity: 'info', message: 'seen' }],
        };
      };
      const report = await build({ root: project.dir, dryRun, afterEdition });
      expect(handed).toEqual(['2026-11-field-notes with its page', 'kursk-talks with its page']);
      expect(most).toBe(1);
      // what the hook returned took each edition's place
      expect(report.editions.map((e) => [e.slug, e.built, e.diagnostics.at(-1)?.code])).toEqual([
        ['2026-11-field-notes', undefined, 'CHECKED'],
        ['kursk-talks', undefined, 'CHECKED'],
      ]);
    });
  }
});
