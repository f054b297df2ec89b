// The three starters, as `init` writes them: each edition passes `check --strict` and SpamAssassin scores
// it 0 or below; a project without templates/ renders exactly as one with the digest starter's; a layout
// without its own text template borrows the starter's, and says so.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../helpers/images.js';
import { runInProcess } from '../helpers/in-process.js';
import { IDENTITY, TODAY, tempDir } from './identity.js';

type Checked = { ok: boolean; editions: { slug: string; ok: boolean; spam?: { score: number } }[] };

const EDITION = `---\nsubject: "Harbour Letter: two dozen links"\npreheader: "A long roundup of pieces on tides, boats and the people who keep them."\ndate: 2026-01-01\n---\n`;
const item = (n: number) =>
  `---\ntitle: "Item ${n}: a harbour's tides, read closely"\nurl: "https://harbourletter.org/reading/${n}"\nsource: "Harbour Journal"\nauthor: "Ann Marsh"\n${n % 4 === 0 ? `image: "https://harbourletter.org/img/${n}.jpg"\n` : ''}date: 2025-12-${String(n).padStart(2, '0')}\n---\nA short comment on why this piece about tides and boats is worth reading, with [a second link](https://harbourletter.org/notes/${n}) inside it.\n`;

describe('the starters', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    temp = await tempDir();
  });
  afterAll(() => temp.remove());

  it.each(['digest', 'story', 'links'])(
    '%s passes check --strict, and SpamAssassin scores it 0 or below',
    async (starter) => {
      const init = await runInProcess(
        ['init', starter, '--yes', '--starter', starter, ...IDENTITY],
        temp.dir,
      );
      expect(init.code).toBe(0);
      const project = join(temp.dir, starter);
      if (starter === 'links') {
        // a long roundup too: many short items still make a message well under Gmail's clipping size, and
        // pictures without image_alt (as imported items come) take their item's title as alt text
        const long = join(project, 'content/2026-01-long');
        await mkdir(long);
        await writeFile(join(long, 'edition.md'), EDITION);
        for (let n = 1; n <= 24; n++)
          await writeFile(join(long, `${String(n).padStart(2, '0')}.md`), item(n));
      }
      const result = await runInProcess(['check', '--strict', '--spam', '--json'], project);
      const checked = JSON.parse(result.stdout) as Checked;
      expect(checked.editions.length).toBe(starter === 'links' ? 2 : 1);
      for (const edition of checked.editions) {
        expect(edition, JSON.stringify(edition, null, 1)).toMatchObject({ ok: true });
        expect(edition.spam!.score).toBeLessThanOrEqual(0);
      }
      expect(result.code).toBe(0);
    },
  );

  it('renders a project without templates/ with the built-in digest starter, byte for byte', async () => {
    const own = join(temp.dir, 'digest');
    const builtIn = join(temp.dir, 'built-in');
    await cp(own, builtIn, { recursive: true });
    await rm(join(builtIn, 'templates'), { recursive: true });
    for (const dir of [own, builtIn]) expect((await runInProcess(['build'], dir)).code).toBe(0);
    for (const file of ['index.html', 'index.txt', 'message.eml']) {
      const path = `out/${TODAY}-welcome/${file}`;
      expect(await readFile(join(builtIn, path), 'utf8')).toBe(await readFile(join(own, path), 'utf8'));
    }
  });

  it("gives a layout without its own .txt.hbs the starter's text layout, with an info diagnostic", async () => {
    const project = join(temp.dir, 'story');
    await cp(join(project, 'templates/default.mjml.hbs'), join(project, 'templates/feature.mjml.hbs'));
    const edition = join(project, `content/${TODAY}-welcome/edition.md`);
    await writeFile(edition, (await readFile(edition, 'utf8')).replace('---\n', '---\ntemplate: feature\n'));
    const result = await runInProcess(['build'], project);
    expect(result.stderr).toContain(
      'templates/feature.mjml.hbs info TEMPLATE_TEXT_FALLBACK layout "feature" has no feature.txt.hbs: its plain text uses templates/default.txt.hbs',
    );
    expect(result.code).toBe(0);
    expect(await readFile(join(project, `out/${TODAY}-welcome/index.txt`), 'utf8')).toContain(
      'The story of this edition',
    );
  });

  it.each(['digest', 'story', 'links'])(
    '%s swaps in the dark logo where the client is in dark mode',
    async (starter) => {
      const project = join(temp.dir, `${starter}-logo`);
      const init = await runInProcess(
        ['init', project, '--yes', '--starter', starter, ...IDENTITY],
        temp.dir,
      );
      expect(init.code).toBe(0);
      await mkdir(join(project, 'brand'));
      await writeFile(join(project, 'brand/logo.png'), png(200, 50));
      await writeFile(join(project, 'brand/logo-dark.png'), png(200, 50, [240, 240, 240]));
      const configFile = join(project, 'newsletter.config.json');
      const config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
      config.logo = { src: 'brand/logo.png', dark: 'brand/logo-dark.png', alt: 'Harbour Letter', width: 100 };
      await writeFile(configFile, JSON.stringify(config, null, 2));
      const build = await runInProcess(['build'], project);
      expect(build.code, build.stderr).toBe(0);
      const html = await readFile(join(project, `out/${TODAY}-welcome/index.html`), 'utf8');
      // both logos, each at its published URL; the dark one hidden inline, shown by the dark-mode rule
      expect(html).toMatch(/class="nl-logo-light"[\s\S]*?src="[^"]*\/logo\.[0-9a-f]+\.png"/);
      expect(html).toMatch(
        /class="nl-logo-dark"[^>]*display:none[\s\S]*?src="[^"]*\/logo-dark\.[0-9a-f]+\.png"/,
      );
      expect(html).toMatch(/prefers-color-scheme: ?dark\)\{[^}]*\}*[\s\S]*?\.nl-logo-dark\{display:block/);
    },
  );
});
