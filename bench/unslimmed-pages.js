// Pages as MJML and juice give them, before slimHtml (src/render/slim-html.ts): every starter's layout over
// the sample, the build fixtures (features, right-to-left and CJK editions) and the benchmark's synthetic
// archive. What bench/slim.js times slimHtml on, and what its tests compare the slimming on.
// Run `npx tsc -p .` first (it uses dist/).
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { writeCorpus } from './corpus.js';

const REPO = resolve(import.meta.dirname, '..');
const CONTENT = ['test/fixtures/sample/content', 'test/fixtures/build/features/content'];
const I18N = 'test/fixtures/build/i18n/content';

/** `archive` synthetic editions and every fixture edition, through each starter: [{ name, html }]. */
export async function unslimmedPages({ archive = 12 } = {}) {
  const { loadProject } = await import('../dist/project.js');
  const stages = await import('../dist/workers/stages.js');
  const { compileMjml } = await import('../dist/render/mjml.js');
  const { editionView } = await import('../dist/render/view.js');
  const pages = [];
  for (const starter of await readdir(join(REPO, 'starters'))) {
    const work = await mkdtemp(join(tmpdir(), 'newsletter-unslimmed-'));
    try {
      await cp(join(REPO, 'starters', starter), join(work, 'templates'), { recursive: true });
      await cp(
        join(REPO, 'test/fixtures/sample/newsletter.config.json'),
        join(work, 'newsletter.config.json'),
      );
      for (const folder of [...CONTENT, I18N])
        await cp(join(REPO, folder), join(work, 'content'), { recursive: true });
      await writeCorpus(join(work, 'content'), archive);
      const { project } = await loadProject({ root: work });
      for (const entry of project.editions) {
        const source = await stages.readEdition(project.paths.root, entry);
        const assembled = await stages.assembleEdition(source, project.config);
        if (!assembled.edition) continue;
        const edition = stages.trackEdition(assembled.edition, project.config);
        const view = editionView(edition, project.config, 'html', Handlebars.SafeString);
        const data = { assets: edition.templateAssets ?? {} };
        const mjml = project.engine.render(edition.layout, 'mjml', view, data);
        if (!mjml.ok) continue;
        const compiled = await compileMjml(mjml.rendered, project.templates);
        if (compiled.html) pages.push({ name: `${starter}/${edition.slug}`, html: compiled.html });
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  return pages;
}
