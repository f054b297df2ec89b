// The archive page's own words (its title, the count of editions, "no edition yet", the feed's link) in the
// newsletter's language, from the strings table with the config's overrides first, escaped as HTML. The
// page is read by htmlparser2, as a browser would read its text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import { archivePage } from '../../src/archive/archive-page.js';
import type { ArchiveEntry } from '../../src/archive/entries.js';
import { parseConfig } from '../../src/config/load.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const configOf = (fields: object) => {
  const { config, diagnostics } = parseConfig(JSON.stringify({ name: 'Field Notes', ...fields }), 'c.json');
  expect(diagnostics).toEqual([]);
  return config;
};

const entries = (count: number): ArchiveEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    slug: `e${i}`,
    subject: `Edition ${i}`,
    preheader: null,
    date: null,
    updated: new Date(0),
  }));

/** What a reader sees of the page: its title, its direction and the line under its heading. */
function read(html: string) {
  const doc = parseDocument(html);
  const find = (name: string, className?: string) =>
    DomUtils.findOne((e) => e.name === name && (!className || e.attribs.class === className), doc.children)!;
  const root = find('html');
  return {
    lang: root.attribs.lang,
    dir: root.attribs.dir,
    title: DomUtils.textContent(find('title')),
    line: DomUtils.textContent(find('p', 'muted')),
  };
}

describe('the archive page in the newsletter language', () => {
  it('counts Russian editions in the plural form each number takes', () => {
    const config = configOf({ language: 'ru' });
    const lines = [1, 3, 5, 21].map((n) => read(archivePage(entries(n), config)).line);
    expect(lines).toEqual([
      '1 выпуск, сначала новые. Лента Atom',
      '3 выпуска, сначала новые. Лента Atom',
      '5 выпусков, сначала новые. Лента Atom',
      '21 выпуск, сначала новые. Лента Atom',
    ]);
    expect(read(archivePage(entries(1000), config)).line).toBe(
      // the group separator as this Node's ICU writes it (a no-break space today)
      `${new Intl.NumberFormat('ru').format(1000)} выпусков, сначала новые. Лента Atom`,
    );
    expect(read(archivePage([], config))).toMatchObject({
      lang: 'ru',
      title: 'Field Notes: все выпуски',
      line: 'Выпусков пока нет. Лента Atom',
    });
  });

  it('writes Arabic right to left, with its six plural forms', () => {
    const config = configOf({ language: 'ar' });
    const page = read(archivePage(entries(2), config));
    expect(page).toEqual({
      lang: 'ar',
      dir: 'rtl',
      title: 'Field Notes: جميع الأعداد',
      line: 'عددان، الأحدث أولًا. موجز Atom',
    });
    expect([1, 3, 11, 100].map((n) => read(archivePage(entries(n), config)).line)).toEqual([
      'عدد واحد، الأحدث أولًا. موجز Atom',
      '3 أعداد، الأحدث أولًا. موجز Atom',
      '11 عددًا، الأحدث أولًا. موجز Atom',
      '100 عدد، الأحدث أولًا. موجز Atom',
    ]);
    expect(read(archivePage([], config)).line).toBe('لا توجد أعداد بعد. موجز Atom');
  });

  it("takes the config's strings first, for its language or by tag, escaped", () => {
    const flat = configOf({
      name: 'Tom & <Jerry>',
      language: 'de',
      strings: { atom_feed: 'Feed <Atom> & mehr', archive_count: { one: 'Eine', other: '{count} Stück' } },
    });
    const html = archivePage(entries(2), flat);
    expect(html).toContain('<title>Tom &amp; &lt;Jerry&gt;: alle Ausgaben</title>');
    expect(html).toContain('2 Stück <a href="feed.xml">Feed &lt;Atom&gt; &amp; mehr</a>');
    expect(read(archivePage(entries(1), flat)).line).toBe('Eine Feed <Atom> & mehr');
    const byTag = configOf({ language: 'he', strings: { he: { archive_title: 'ארכיון {newsletter}' } } });
    expect(read(archivePage(entries(2), byTag))).toMatchObject({
      dir: 'rtl',
      title: 'ארכיון Field Notes',
      line: 'שני גיליונות, מהחדש לישן. פיד Atom',
    });
  });
});

describe('a build in a language with no translation of the archive words', () => {
  let project: TempProject;
  let build: { code: number; stderr: string };
  beforeAll(async () => {
    project = await tempProject({
      'newsletter.config.json': JSON.stringify({
        name: 'Habari',
        language: 'sw',
        strings: { archive_title: '{newsletter}: matoleo yote', unsubscribe: 'Jiondoe' },
      }),
      'content/sw.md': '---\ntitle: Habari za wiki\n---\nManeno machache ya makala.\n',
      'content/de/edition.md': '---\nsubject: Zwei\nlanguage: de\n---\n',
      'content/de/01-a.md': '---\ntitle: Ein Titel\n---\nEin paar Worte im Artikel.\n',
    });
    build = await project.runHere(['build']);
  });
  afterAll(() => project?.remove());

  it("uses the config's override, English for the rest, and says which fall back", async () => {
    expect(build.code).toBe(0);
    const page = read(await project.read('out/index.html'));
    expect(page).toMatchObject({ lang: 'sw', title: 'Habari: matoleo yote' });
    expect(page.line).toBe('2 editions, newest first. Atom feed');
    const missing = build.stderr.split('\n').filter((l) => l.includes('LANG_STRINGS_MISSING'));
    expect(missing).toHaveLength(1); // the German edition has every word
    expect(missing[0]).toMatch(/content\/sw\.md\S* info LANG_STRINGS_MISSING no "sw" translation/);
    expect(missing[0]).toMatch(/ archive_count, archive_empty, atom_feed: they are in English/);
    expect(missing[0]).not.toMatch(/archive_title|unsubscribe/);
  });
});
