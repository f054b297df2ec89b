// `newsletter export --all --zip` on the sample edition through the real CLI, compared with reviewed golden
// files. After an intended change, regenerate with
// `UPDATE_GOLDEN=1 npx vitest run test/export/export-sample.test.ts` and review the diff.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlatforms } from '../../src/export/registry.js';
import { REPO, tempProject, type RunResult, type TempProject } from '../helpers/project.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const SLUG = '2026-11-field-notes';
const PLATFORMS = await loadPlatforms();
const FILES = ['index.html', 'index.txt', 'manifest.json'];

describe('export of the sample edition for every platform', () => {
  let project: TempProject;
  let first: RunResult;

  beforeAll(async () => {
    project = await tempProject();
    first = await project.runHere(['export', SLUG, '--all', '--zip']);
  });
  afterAll(() => project.remove());

  it('builds the edition first, exports every platform and exits 0', () => {
    expect(first.stderr).toContain(`Building ${SLUG} first (not built yet)`);
    expect(first.stderr).toContain(
      `Exported ${SLUG} for ${PLATFORMS.length} of ${PLATFORMS.length} platforms`,
    );
    expect(first.stdout.split('\n').filter(Boolean)).toEqual(
      PLATFORMS.flatMap((p) => [`out/${SLUG}/export/${p.name}/`, `out/${SLUG}/export/${p.name}.zip`]),
    );
    expect(first.code).toBe(0);
  });

  it.each(PLATFORMS.map((p) => [p.name, p] as const))('%s: matches the golden export', async (name) => {
    for (const file of FILES) {
      const actual = await project.read(`out/${SLUG}/export/${name}/${file}`);
      const golden = join(REPO, 'test/golden/export', name, file);
      if (UPDATE) {
        await mkdir(join(golden, '..'), { recursive: true });
        await writeFile(golden, actual);
      }
      expect(actual, `${name}/${file}`).toBe(await readFile(golden, 'utf8'));
    }
  });

  it.each(PLATFORMS.map((p) => [p.name, p] as const))(
    '%s: required tags in both parts, no neutral token left',
    async (name, platform) => {
      for (const part of ['html', 'text'] as const) {
        const exported = await project.read(
          `out/${SLUG}/export/${name}/index.${part === 'html' ? 'html' : 'txt'}`,
        );
        for (const tag of platform.required[part]) expect(exported, `${name} ${part}`).toContain(tag);
        expect(exported).not.toMatch(/[\uE000-\uE00F]/);
        // The built page's defaults are gone wherever the platform has a tag of its own.
        if (platform.tags.unsubscribe_url && part === 'text')
          expect(exported).not.toContain('https://fieldnotes.example.com/unsubscribe');
      }
    },
  );

  it('zips the HTML, the text and a manifest with subject and preheader', async () => {
    for (const { name } of PLATFORMS) {
      const zip = unzipSync(
        new Uint8Array(await readFile(join(project.dir, 'out', SLUG, 'export', `${name}.zip`))),
      );
      expect(Object.keys(zip).sort()).toEqual(FILES);
      for (const file of FILES)
        expect(new TextDecoder().decode(zip[file])).toBe(
          await project.read(`out/${SLUG}/export/${name}/${file}`),
        );
      const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json'])) as Record<string, unknown>;
      expect(manifest).toMatchObject({
        platform: name,
        subject: 'Field Notes: easy exits, plain text and message weight',
        preheader:
          'Three practical pieces on headers, the text part and message size, plus a note from the desk.',
      });
    }
  });

  it('exports again from the kept edition, without building, to the same bytes', async () => {
    const zip = await readFile(join(project.dir, 'out', SLUG, 'export', 'mailchimp.zip'));
    const again = await project.runHere(['export', SLUG, '--platform', 'mailchimp', '--zip']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('Building');
    expect(await readFile(join(project.dir, 'out', SLUG, 'export', 'mailchimp.zip'))).toEqual(zip);
  });

  it('builds again first when a source changed since the last build', async () => {
    const article = `content/${SLUG}/03-weighing-an-email.md`;
    const before = await project.read(article);
    expect(before).toContain('it helps to weigh it');
    await project.write(article, before.replace('it helps to weigh it', 'it pays to weigh it'));
    const run = await project.runHere(['export', SLUG, '--platform', 'kit', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      built?: string;
      platforms: { platform: string; ok: boolean; files: string[]; fallbacks: string[] }[];
    };
    expect(report.built).toBe(`${article} changed since the last build`);
    expect(await project.read(`out/${SLUG}/export/kit/index.txt`)).toContain('it pays to weigh it');
    expect(report.platforms).toEqual([
      expect.objectContaining({
        platform: 'kit',
        ok: true,
        fallbacks: ['web_version_url', 'postal_address'],
        files: [
          `${SLUG}/export/kit/index.html`,
          `${SLUG}/export/kit/index.txt`,
          `${SLUG}/export/kit/manifest.json`,
        ],
      }),
    ]);
  });

  it('exports every platform named by a repeated --platform, and only those', async () => {
    const run = await project.runHere(['export', SLUG, '--platform', 'kit', '--platform', 'ses', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { platforms: { platform: string; ok: boolean }[] };
    expect(report.platforms.map((p) => p.platform).sort()).toEqual(['kit', 'ses']);
  });
});
