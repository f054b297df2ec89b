// `build` writes every edition it can render: check findings (a clipped long read, an image without alt
// text) are printed, kept in the manifest and counted in the summary, but never withhold the edition.
// `build --strict` exits 1 on them, files still written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const paragraph = 'A long paragraph about harbours, tides and the people who keep the lights. '.repeat(12);
// about 145 KB of Markdown: far past the 102 KB at which Gmail clips a message
const LONG_READ = `---\ntitle: The long read\n---\n${Array.from({ length: 160 }, () => paragraph).join('\n\n')}\n`;
const NO_ALT =
  '---\ntitle: Pictures\ndek: The harbour at dawn\n---\nThe harbour at dawn.\n\n' +
  '<img src="https://images.example.org/harbour.jpg" width="600" height="400">\n\nMore words.\n';
const FINE =
  '---\ntitle: Fine\ndek: All good here, with a dek long enough for the inbox line\n---\nNothing to report here, and that is fine.\n';

interface ManifestJson {
  diagnostics: { code: string; severity: string }[];
}

let project: TempProject;
beforeAll(async () => {
  project = await tempProject({
    'content/long-read.md': LONG_READ,
    'content/pictures.md': NO_ALT,
    'content/fine.md': FINE,
  });
});
afterAll(() => project.remove());

describe('build with check findings', () => {
  it('writes a clipped edition and one with an image lacking alt text, and exits 0', async () => {
    expect(Buffer.byteLength(LONG_READ)).toBeGreaterThan(140_000);
    const result = await project.runHere(['build']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('content/long-read.md error SIZE_CLIPPED');
    expect(result.stderr).toMatch(/content\/pictures\.md:\d+:\d+ error IMAGE_ALT_MISSING/);
    expect(result.stderr).toContain('✓ long-read -> out/long-read/ (with check errors)');
    expect(result.stderr).toMatch(/Built 3 of 3 editions in [\d.]+s: 2 with check errors\n/);

    expect(await project.read('out/long-read/index.html')).toContain('The long read');
    expect(await project.read('out/pictures/index.html')).toContain('images.example.org/harbour.jpg');
    const manifest = JSON.parse(await project.read('out/long-read/manifest.json')) as ManifestJson;
    expect(manifest.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'SIZE_CLIPPED', severity: 'error' }),
    );
    const pictures = JSON.parse(await project.read('out/pictures/manifest.json')) as ManifestJson;
    expect(pictures.diagnostics.map((d) => d.code)).toContain('IMAGE_ALT_MISSING');
    expect(await project.read('out/index.html')).toContain('The long read');
  });

  it('exits 1 with --strict, files still written, also when the editions come from the cache', async () => {
    const strict = await project.runHere(['build', '--strict', '--force', '--json']);
    expect(strict.code).toBe(1);
    const report = JSON.parse(strict.stdout) as { ok: boolean; checkErrors: number; editions: unknown[] };
    expect(report).toMatchObject({ ok: false, checkErrors: 2 });
    expect(await project.read('out/long-read/index.html')).toContain('The long read');

    const cached = await project.runHere(['build', '--strict']);
    expect(cached.stderr).toContain('3 unchanged');
    expect(cached.code).toBe(1);
    expect((await project.runHere(['build'])).code).toBe(0);
  });

  it('still fails an edition whose content is broken, keeping its previous output', async () => {
    await project.write('content/fine.md', '---\ntitle: Fine\ndek: "never closed\n---\nBody.\n');
    const result = await project.runHere(['build']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/fine failed/);
    expect(await project.read('out/fine/index.html')).toContain('Nothing to report here');
  });
});
