// What the peers of the benchmark start from: each edition's articles as newsletter reads them (title, dek,
// author, link, lead image and the sanitised body HTML), loaded with newsletter's own reader before anything
// is timed. MJML's reference layout (reference-layout.js) and React Email (react-email-baseline.js) are given
// these, so neither peer reads Markdown or front matter: their timed runs only lay out, render and write.
// Uses dist/ (run `npm run build` first).
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');

/** The editions of the project in `root`, as plain data: `{ slug, subject, preheader, introHtml, articles }`. */
export async function baselineEditions(root) {
  const { loadProject } = await import(join(REPO, 'dist/project.js'));
  const stages = await import(join(REPO, 'dist/workers/stages.js'));
  const { project } = await loadProject({ root });
  const editions = [];
  for (const entry of project.editions) {
    const source = await stages.readEdition(project.paths.root, entry);
    const { edition } = await stages.assembleEdition(source, project.config);
    if (!edition) throw new Error(`${entry.slug}: the edition did not load`);
    editions.push({
      slug: edition.slug,
      subject: edition.subject,
      preheader: edition.preheader ?? '',
      introHtml: edition.introHtml ?? '',
      articles: edition.articles.map((article) => ({
        title: article.title,
        dek: article.dek ?? '',
        author: article.author ?? '',
        url: article.url ?? '',
        image: article.image ?? '',
        imageAlt: article.imageAlt ?? '',
        html: article.html,
      })),
    });
  }
  return { name: project.config.name, url: project.config.url ?? '', editions };
}
