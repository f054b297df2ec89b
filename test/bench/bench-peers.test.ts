// The peers `npm run bench` compares builds with must do the whole job they are compared on, or their
// figures flatter newsletter: MJML's reference layout holds every article and compiles without an error, and
// React Email writes every edition's HTML and plain text. Times are the benchmark's business, never asserted.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineEditions } from '../../bench/baseline-editions.js';
import { writeCorpus } from '../../bench/corpus.js';
import { referenceMjml } from '../../bench/reference-layout.js';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';

const require = createRequire(import.meta.url);
const mjml2html = require('mjml') as (
  mjml: string,
  options: object,
) => Promise<{ html: string; errors: { formattedMessage: string }[] }>;

interface PeerArticle {
  title: string;
  url: string;
  image: string;
  html: string;
}
interface PeerEdition {
  slug: string;
  subject: string;
  articles: PeerArticle[];
}

/** The first words of an article's body text, as a reader sees them. */
const firstWords = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .trim()
    .split(/\s+/)
    .slice(0, 4)
    .join(' ');

let project: TempProject;
let data: { name: string; url: string; editions: PeerEdition[] };

beforeAll(async () => {
  project = await tempProject({});
  await writeCorpus(join(project.dir, 'content'), 4);
  data = (await baselineEditions(project.dir)) as typeof data;
});
afterAll(() => project?.remove());

describe("the benchmark's peers", () => {
  it('read the same articles newsletter builds', async () => {
    expect(data.editions).toHaveLength(4);
    expect(data.name).toBe('Field Notes');
    for (const edition of data.editions) {
      expect(edition.articles.length).toBeGreaterThanOrEqual(2);
      for (const article of edition.articles) {
        expect(article.title.length).toBeGreaterThan(0);
        expect(article.html).toContain('</p>');
      }
    }
  });

  it('MJML compiles every edition in the reference layout without an error, each article in it', async () => {
    for (const edition of data.editions) {
      const { html, errors } = await mjml2html(referenceMjml(edition, data), { validationLevel: 'soft' });
      expect(errors.map((e) => e.formattedMessage)).toEqual([]);
      expect(html).toContain(`<title>${edition.subject}</title>`);
      for (const article of edition.articles) {
        expect(html).toContain(article.title);
        expect(html).toContain(firstWords(article.html));
        if (article.url) expect(html).toContain(`href="${article.url}"`);
      }
      // the reference's shape: the logo, the hero, an image beside each article, the social row, the footer
      expect(html.match(/<img\b/g)!.length).toBe(2 + edition.articles.length + 3);
      expect(html).toContain('Unsubscribe');
    }
  });

  it('React Email writes the HTML and the plain text of every edition', { timeout: 120_000 }, async () => {
    const work = await mkdtemp(join(tmpdir(), 'newsletter-peers-'));
    try {
      await writeFile(join(work, 'editions.json'), JSON.stringify(data));
      await new Promise<void>((resolve, reject) =>
        execFile(
          process.execPath,
          [
            join(REPO, 'bench/react-email-baseline.js'),
            join(work, 'editions.json'),
            join(work, 'out'),
            join(work, 'result.json'),
          ],
          (error, _stdout, stderr) => (error ? reject(new Error(stderr)) : resolve()),
        ),
      );
      expect((await readdir(join(work, 'out'))).sort()).toEqual(data.editions.map((e) => e.slug).sort());
      for (const edition of data.editions) {
        const html = await readFile(join(work, 'out', edition.slug, 'index.html'), 'utf8');
        const text = await readFile(join(work, 'out', edition.slug, 'index.txt'), 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html/);
        for (const article of edition.articles) {
          expect(html).toContain(article.title);
          expect(html).toContain(firstWords(article.html));
          // html-to-text writes headings in capitals
          expect(text.toLowerCase()).toContain(article.title.toLowerCase());
          expect(text.toLowerCase()).toContain(firstWords(article.html).toLowerCase());
          if (article.url) expect(text).toContain(article.url);
        }
        expect(text).not.toContain('<');
      }
      const result = JSON.parse(await readFile(join(work, 'result.json'), 'utf8')) as {
        editions: number;
        warmMsPerEdition: number;
      };
      expect(result.editions).toBe(4);
      expect(result.warmMsPerEdition).toBeGreaterThan(0);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
