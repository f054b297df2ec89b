// check --spam with the real SpamAssassin (CI installs it: apt-get install -y spamassassin).
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject, addFixtureContent, useStarter } from '../helpers/project.js';

let project: TempProject;
const SPAMASSASSIN = execFileSync('sh', ['-c', 'command -v spamassassin'], { encoding: 'utf8' }).trim();
afterEach(() => project?.remove());

type Found = {
  code: string;
  severity: string;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
};
const editionsOf = (
  stdout: string,
): { slug: string; diagnostics: Found[]; spam?: { score: number; rules: { name: string }[] } }[] =>
  JSON.parse(stdout).editions;

const EDITION_RU =
  '---\nsubject: Новости недели\npreheader: Короткий обзор того, что произошло за неделю в нашем городе\ndate: 2026-12-02\nlanguage: ru\n---\n';
const RUSSIAN =
  'Всю неделю в городе шли дожди. Несколько школ закрылись, а в кафе было полно людей, которые ждали, пока закончится ливень. Продавец на рынке сказал, что не помнит такого долгого дождя.';

describe('newsletter check --spam', () => {
  // every starter, rendering the sample editions and the features fixture (headings, lists, a table, a
  // quote, code, images, a plain-text article)
  it.each(['digest', 'story', 'links'])(
    'scores the sample editions and the features fixture 0 or below in the %s starter, with every rule listed',
    async (starter) => {
      project = await tempProject();
      await useStarter(project, starter);
      await addFixtureContent(project, 'features');
      // SpamAssassin keeps what it learns under $HOME/.spamassassin
      const home = join(project.dir, 'home');
      const result = await project.runHere(['check', '--spam', '--strict', '--json'], {
        env: { HOME: home },
      });
      expect(result.code, result.stderr).toBe(0);
      // it learned nothing: messages scoring 0 or below would have trained its Bayes filter as wanted mail
      expect((await readdir(join(home, '.spamassassin'))).filter((f) => f.startsWith('bayes'))).toEqual([]);
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

  // a spammy edition fails, one with a subject in capitals warns; both go through one SpamAssassin process
  it('fails a spammy edition at 5 points or more and warns on a score above 0, naming the rules', async () => {
    project = await tempProject({
      'content/offer.md': `---\ntitle: "FREE MONEY!!! ACT NOW, 100% GUARANTEED"\ndek: Earn extra cash from home, risk free\n---\nDear friend, you have been selected as a WINNER! This is a limited time offer, act now! 100% satisfied or your money back, risk free. Viagra at discount prices without prescription. Urgent response needed.\n`,
      'content/caps.md':
        '---\ntitle: AN UPDATE FROM THE DESK ABOUT OUR WORK\ndek: What changed this month and why\n---\nA calm note about the work of the month, written for the people who follow it.\n',
      // spamassassin as found on the PATH, through a script that writes down each run's arguments
      'bin/spamassassin': `#!/bin/sh\necho "$*" >> "${'$'}(dirname "$0")/runs.log"\nexec "${SPAMASSASSIN}" "$@"\n`,
    });
    await chmod(join(project.dir, 'bin/spamassassin'), 0o755);
    const result = await project.runHere(['check', '--spam'], {
      env: { PATH: `${join(project.dir, 'bin')}${delimiter}${process.env.PATH}` },
    });
    expect(result.stderr).toMatch(
      /content\/offer\.md error SPAM_SCORE SpamAssassin scores the message \d+\.\d \(spam from 5\)/,
    );
    expect(result.stderr).toMatch(/info SPAM_RULE \+\d\.\d DEAR_FRIEND: BODY: Dear Friend\?/);
    expect(result.stderr).toMatch(
      /content\/caps\.md warning SPAM_SCORE SpamAssassin scores the message [0-4]\.\d \(spam from 5\)/,
    );
    // what trips the rule, and what to do
    expect(result.stderr).toMatch(
      /info SPAM_RULE \+\d\.\d SUBJ_ALL_CAPS: .*\n\s+hint: the subject has no lowercase letters: write it in sentence case/,
    );
    expect(result.code).toBe(1);
    // one run to ask its version, one that scans both messages
    const runs = (await project.read('bin/runs.log')).trim().split('\n');
    expect(runs).toEqual(['-V', expect.stringMatching(/^-L -t --mbox /)]);
  });

  // MIXED_ES counts the message's letters: more than 20 Latin "e" and 1.4 to 10 times as many e-like ones
  // (Cyrillic "е" among them). Two editions in a newsletter whose name, address and links are Latin: one
  // with English names typed with a Cyrillic "е", one in plain Russian. Then a newsletter written in Russian.
  it('explains MIXED_ES in a Cyrillic article: the words that mix scripts, where they are written', async () => {
    const e = '\u0435'; // Cyrillic "е", the look-alike of the Latin "e"
    project = await tempProject({
      'content/mixed/edition.md': EDITION_RU,
      'content/mixed/01-phones.md': `---\ntitle: Телефоны и приложения\n---\n${RUSSIAN}\n\nНа этой неделе Appl${e} показала новый телефон, а в T${e}l${e}gram появились истории.\n`,
      'content/plain/edition.md': EDITION_RU,
      'content/plain/01-rain.md': `---\ntitle: Неделя в городе\n---\n${RUSSIAN}\n`,
    });
    const result = await project.runHere(['check', '--spam', '--json']);
    const [mixed, plain] = editionsOf(result.stdout);
    for (const edition of [mixed, plain])
      expect(edition.spam!.rules.map((r) => r.name)).toContain('MIXED_ES');

    const rule = (edition: typeof mixed) =>
      edition.diagnostics.find((d) => d.message.includes(' MIXED_ES: '));
    expect(rule(mixed)).toMatchObject({
      code: 'SPAM_RULE',
      message: '+1.0 MIXED_ES: Too many es are not es',
      hint: expect.stringContaining(
        `Here 2 words mix scripts: "Appl${e}" (content/mixed/01-phones.md:6), "T${e}l${e}gram" (content/mixed/01-phones.md:6)`,
      ),
    });
    expect(mixed.diagnostics.filter((d) => d.code === 'SPAM_MIXED_SCRIPT')).toEqual([
      {
        code: 'SPAM_MIXED_SCRIPT',
        severity: 'warning',
        message: `"Appl${e}" mixes scripts: Cyrillic "${e}" (U+0435) among Latin letters`,
        file: 'content/mixed/01-phones.md',
        line: 6,
        column: 16,
        hint: expect.stringMatching(
          /^retype it in one script \("Apple"\): SpamAssassin reads a look-alike letter/,
        ),
      },
      expect.objectContaining({ message: expect.stringMatching(/^"T.l.gram" mixes scripts/), column: 50 }),
    ]);

    // plain Russian beside the newsletter's Latin name, address and links: no word to retype, and the count
    expect(rule(plain)!.hint).toMatch(
      /No word here mixes scripts: about \d+ Latin "e" \(the newsletter's name, address and links count\) against \d+ Cyrillic "е"/,
    );
    expect(plain.diagnostics.filter((d) => d.code === 'SPAM_MIXED_SCRIPT')).toEqual([]);
  });

  it('scores plain Russian 0 or below, without MIXED_ES, in a newsletter written in Russian', async () => {
    project = await tempProject({
      'newsletter.config.json': JSON.stringify({
        name: 'Полевые записки',
        from: 'Полевые записки <redaktor@zapiski.test>',
        url: 'https://zapiski.test/vypuski',
        unsubscribeUrl: 'https://zapiski.test/otpiska?u={{email}}',
        postalAddress: 'Полевые записки, ул. Садовая, 10, Москва, 101000, Россия',
        language: 'ru',
      }),
      'content/plain/edition.md': EDITION_RU,
      'content/plain/01-rain.md': `---\ntitle: Неделя в городе\n---\n${RUSSIAN}\n`,
    });
    const result = await project.runHere(['check', '--spam', '--json']);
    const [plain] = editionsOf(result.stdout);
    expect(plain.spam!.score).toBeLessThanOrEqual(0);
    expect(plain.spam!.rules.map((r) => r.name)).not.toContain('MIXED_ES');
    expect(plain.diagnostics.filter((d) => d.code === 'SPAM_MIXED_SCRIPT')).toEqual([]);
  });

  it('exits 2 and says how to install SpamAssassin when it is missing', async () => {
    project = await tempProject();
    const empty = await mkdtemp(join(tmpdir(), 'newsletter-path-'));
    try {
      const result = await project.runHere(['check', '--spam'], { env: { PATH: empty } });
      expect(result.stderr).toContain('error SPAMASSASSIN_MISSING check --spam needs SpamAssassin');
      expect(result.stderr).toContain('hint: install it: apt-get install spamassassin');
      expect(result.code).toBe(2);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
