// check --spam with the real SpamAssassin (CI installs it: apt-get install -y spamassassin).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject;
afterEach(() => project?.remove());

type Found = { code: string; severity: string; message: string };
const editionsOf = (
  stdout: string,
): { slug: string; diagnostics: Found[]; spam?: { score: number; rules: { name: string }[] } }[] =>
  JSON.parse(stdout).editions;

describe('newsletter check --spam', () => {
  // every starter, rendering the sample editions and the features fixture (headings, lists, a table, a
  // quote, code, images, a plain-text article)
  it.each(['digest', 'story', 'links'])(
    'scores the sample editions and the features fixture 0 or below in the %s starter, with every rule listed',
    async (starter) => {
      project = await tempProject();
      await rm(join(project.dir, 'templates'), { recursive: true });
      await cp(join(REPO, 'starters', starter), join(project.dir, 'templates'), { recursive: true });
      await cp(join(REPO, 'test/fixtures/build/features/content'), join(project.dir, 'content'), {
        recursive: true,
      });
      const result = await project.run(['check', '--spam', '--strict', '--json']);
      expect(result.code, result.stderr).toBe(0);
      const editions = editionsOf(result.stdout);
      expect(editions.map((e) => e.slug).sort()).toEqual(['2026-11-field-notes', 'features', 'kursk-talks']);
      for (const edition of editions) {
        expect(edition.spam!.score).toBeLessThanOrEqual(0);
        expect(edition.diagnostics.find((d) => d.code === 'SPAM_SCORE')).toMatchObject({ severity: 'info' });
        expect(edition.diagnostics.filter((d) => d.code === 'SPAM_RULE').length).toBe(
          edition.spam!.rules.length,
        );
      }
    },
  );

  it('fails a spammy edition at 5 points or more, naming the rules that fired', async () => {
    project = await tempProject({
      'content/offer.md': `---\ntitle: "FREE MONEY!!! ACT NOW, 100% GUARANTEED"\ndek: Earn extra cash from home, risk free\n---\nDear friend, you have been selected as a WINNER! This is a limited time offer, act now! 100% satisfied or your money back, risk free. Viagra at discount prices without prescription. Urgent response needed.\n`,
    });
    const result = await project.run(['check', '--spam']);
    expect(result.stderr).toMatch(
      /content\/offer\.md error SPAM_SCORE SpamAssassin scores the message \d+\.\d \(spam from 5\)/,
    );
    expect(result.stderr).toMatch(/info SPAM_RULE \+\d\.\d DEAR_FRIEND: BODY: Dear Friend\?/);
    expect(result.code).toBe(1);
  });

  it('warns on a score above 0', async () => {
    project = await tempProject({
      'content/caps.md':
        '---\ntitle: AN UPDATE FROM THE DESK ABOUT OUR WORK\ndek: What changed this month and why\n---\nA calm note about the work of the month, written for the people who follow it.\n',
    });
    const result = await project.run(['check', '--spam', '--json']);
    const [edition] = editionsOf(result.stdout);
    expect(edition.spam!.score).toBeGreaterThan(0);
    expect(edition.spam!.score).toBeLessThan(5);
    expect(edition.diagnostics.find((d) => d.code === 'SPAM_SCORE')).toMatchObject({ severity: 'warning' });
    expect(edition.spam!.rules.map((r) => r.name)).toContain('SUBJ_ALL_CAPS');
  });

  it('exits 2 and says how to install SpamAssassin when it is missing', async () => {
    project = await tempProject();
    const empty = await mkdtemp(join(tmpdir(), 'newsletter-path-'));
    try {
      const result = await project.run(['check', '--spam'], { env: { PATH: empty } });
      expect(result.stderr).toContain('error SPAMASSASSIN_MISSING check --spam needs SpamAssassin');
      expect(result.stderr).toContain('hint: install it: apt-get install spamassassin');
      expect(result.code).toBe(2);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
