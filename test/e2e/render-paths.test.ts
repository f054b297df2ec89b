// The fast path (src/render/fast/) promises the reference path's bytes (src/render/reference.ts: the whole
// document through mjml2html and its juice, the .eml from nodemailer's own build()). Each fixture project is
// built by the real CLI twice, into two fresh folders: once on the fast path, once with
// NEWSLETTER_RENDER=reference, and every file is compared byte for byte: HTML, text, .eml, manifest, the
// published images and the private editions send and export read from. Only the cache's own records are left
// out (they hold file times, and the fast path keeps its compiled skeletons there).
//
// What it catches: any difference the fast path makes that its own tests (test/render/fast/) miss on real
// editions: a skeleton hole MJML would have treated otherwise, a style juice would have written otherwise,
// an .eml part written in another order or encoding, a worker thread or the MJML thread doing anything
// differently from a plain compile in this thread.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { png, gif } from '../helpers/images.js';
import { REPO, SAMPLE, tempProject, type TempProject, addFixtureContent } from '../helpers/project.js';
import { CACHE, filesUnder } from '../helpers/files.js';

const sampleConfig = async () =>
  JSON.parse(await readFile(join(SAMPLE, 'newsletter.config.json'), 'utf8')) as Record<string, unknown>;

/** Local images (published, and embedded as cid: parts in the .eml), a logo with a dark variant, and an
 * unsubscribe URL that names the reader. */
async function pictures(): Promise<TempProject> {
  return tempProject({
    'newsletter.config.json': JSON.stringify({
      ...(await sampleConfig()),
      unsubscribeUrl: 'https://fieldnotes.example.com/unsubscribe?e={{email}}&id={{recipient "id"}}',
      logo: { src: 'brand/logo.png', dark: 'brand/logo-dark.png', alt: 'Field Notes', width: 120 },
      embedImages: true,
    }),
    'brand/logo.png': png(240, 60),
    'brand/logo-dark.png': png(240, 60, [240, 240, 240]),
    'content/pictures/edition.md':
      '---\nsubject: Pictures\npreheader: Two charts and a harbour, from the desk this week\n---\nA note from the desk.\n\n![The desk, from above](desk.gif)\n',
    'content/pictures/01-charts.md':
      '---\ntitle: Charts of the week\ndek: What the numbers did\nimage: lead.png\nimage_alt: A harbour at dawn\n---\nA small chart:\n\n![Rainfall by month, 2026](chart.png)\n\nAnd a wide one: <img src="wide.png" alt="Temperatures across the year">\n',
    'content/pictures/chart.png': png(120, 60),
    'content/pictures/wide.png': png(800, 200, [20, 90, 160]),
    'content/pictures/lead.png': png(600, 300, [90, 120, 60]),
    'content/pictures/desk.gif': gif(300, 150),
  });
}

interface Case {
  project: () => Promise<TempProject>;
  args?: string[];
  /** Built in this thread (with the MJML thread), not in worker threads. */
  inThisThread?: boolean;
}

const CASES: Record<string, Case> = {
  // the sample's editions, the features fixture's and i18n's four languages in one project: seven editions,
  // too few for worker threads (they start at eight), so they are built in this thread as each fixture alone
  // would be, and every file of each is compared; one build each way rather than three
  'sample, features and i18n': {
    project: async () => {
      const project = await tempProject();
      await addFixtureContent(project, 'features');
      await addFixtureContent(project, 'i18n');
      return project;
    },
    inThisThread: true,
  },
  pictures: { project: pictures },
  'story starter': { project: () => tempProject(), args: ['--templates', join(REPO, 'starters/story')] },
  'links starter': { project: () => tempProject(), args: ['--templates', join(REPO, 'starters/links')] },
  // enough editions for worker threads on a machine with two cores or more
  'generated archive': {
    project: async () => {
      const project = await tempProject({});
      await writeCorpus(join(project.dir, 'content'), 12);
      return project;
    },
  },
};

describe.each(Object.entries(CASES))(
  'the fast path gives the reference path’s bytes: %s',
  (_, { project: make, args = [], inThisThread }) => {
    let project: TempProject;
    afterAll(() => project?.remove());

    it('writes the same files, byte for byte, built either way into fresh folders', async () => {
      project = await make();
      for (const [out, path] of [
        ['out-fast', 'fast'],
        ['out-reference', 'reference'],
      ] as const) {
        const result = await project.run(['build', '--out', out, ...args], {
          env: { NEWSLETTER_RENDER: path },
        });
        expect(result.stderr).not.toContain(' error ');
        expect(result.code, result.stderr).toBe(0);
        if (inThisThread) expect(result.stderr).not.toMatch(/ in \d+ worker threads?/);
      }
      const fast = join(project.dir, 'out-fast');
      const reference = join(project.dir, 'out-reference');
      // each build took its own path: only the fast one keeps compiled skeletons
      expect((await readdir(join(fast, CACHE, 'mjml'))).length).toBeGreaterThan(0);
      expect(await readdir(join(reference, CACHE))).not.toContain('mjml');

      const files = await filesUnder(fast);
      expect(files.filter((file) => file.endsWith('message.eml')).length).toBeGreaterThan(0);
      expect(await filesUnder(reference)).toEqual(files);
      for (const file of files) {
        const [a, b] = await Promise.all([readFile(join(fast, file)), readFile(join(reference, file))]);
        expect(a.toString('utf8'), `${file} differs between the fast and the reference path`).toBe(
          b.toString('utf8'),
        );
      }
    });
  },
);

describe('NEWSLETTER_RENDER', () => {
  it('refuses a value it does not know, before doing anything, with exit code 2', async () => {
    const project = await tempProject();
    try {
      const result = await project.run(['build'], { env: { NEWSLETTER_RENDER: 'quick' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        'NEWSLETTER_RENDER="quick" is not a render path: use "fast" (the default) or "reference"',
      );
      expect(await readdir(project.dir)).not.toContain('out');
    } finally {
      await project.remove();
    }
  });
});
