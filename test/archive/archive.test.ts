// The web archive written by `newsletter build`: out/index.html read in Chromium, out/feed.xml read by an
// Atom parser (htmlparser2's feed reader) and by Chromium's strict XML parser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { parseFeed } from 'htmlparser2';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../helpers/browser.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const article = (title: string, date?: string, dek?: string) =>
  `---\ntitle: "${title}"\n${date ? `date: ${date}\n` : ''}${dek ? `dek: "${dek}"\n` : ''}---\nA paragraph of body text for ${title}, long enough to read.\n`;

const CONTENT = {
  'content/first.md': article('The first edition', '2026-09-01', 'Where it began'),
  'content/second.md': article('The second edition', '2026-10-15'),
  'content/third/edition.md':
    '---\nsubject: "Tom & Jerry <b>not bold</b>"\npreheader: "Cats, mice & markup"\ndate: 2026-11-20\n---\n',
  'content/third/01-piece.md': article('A piece'),
  'content/undated.md': article('An undated note'),
};
const NEWEST_FIRST = [
  'Tom & Jerry <b>not bold</b>',
  'The second edition',
  'The first edition',
  'An undated note',
];

describe('the web archive', () => {
  let project: TempProject;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    project = await tempProject(CONTENT);
    const build = await project.runHere(['build']);
    expect(build.code).toBe(0);
    browser = await launchBrowser();
    page = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await project?.remove();
  });

  it('lists every edition newest first, undated last, each linking to its page', async () => {
    await page.goto(pathToFileURL(join(project.dir, 'out/index.html')).href);
    const items = await page.$$eval('ol li', (lis) =>
      lis.map((li) => ({
        subject: li.querySelector('h2 a')!.textContent,
        href: (li.querySelector('h2 a') as HTMLAnchorElement).getAttribute('href'),
        date: li.querySelector('time')?.getAttribute('datetime') ?? null,
        text: (li as HTMLElement).innerText,
      })),
    );
    expect(items.map((i) => i.subject)).toEqual(NEWEST_FIRST);
    expect(items.map((i) => i.href)).toEqual([
      'third/index.html',
      'second/index.html',
      'first/index.html',
      'undated/index.html',
    ]);
    expect(items.map((i) => i.date)).toEqual(['2026-11-20', '2026-10-15', '2026-09-01', null]);
    expect(items[0].text).toContain('November 20, 2026');
    expect(items[0].text).toContain('Cats, mice & markup');
    expect(items[2].text).toContain('Where it began');
    expect(await page.$('ol b')).toBeNull(); // the subject's markup stayed text

    await page.click('ol li:first-child h2 a');
    expect(await page.title()).toBe('Tom & Jerry <b>not bold</b>');
  });

  it('writes an Atom feed that a feed reader reads, entries in the same order', async () => {
    const xml = await project.read('out/feed.xml');
    const feed = parseFeed(xml, { xmlMode: true });
    expect(feed?.type).toBe('atom');
    expect(feed?.title).toBe('Field Notes');
    expect(feed?.items.map((i) => i.link)).toEqual(
      ['third', 'second', 'first', 'undated'].map((s) => `https://fieldnotes.example.com/newsletter/${s}/`),
    );
    expect(feed?.updated?.toISOString()).toBe('2026-11-20T00:00:00.000Z');

    // Chromium's XML parser is strict: any well-formedness error yields a <parsererror> document.
    await page.setContent('<p>feed</p>');
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      const html = (text: string) =>
        Object.assign(document.createElement('div'), { innerHTML: text }).textContent;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        namespace: doc.documentElement.namespaceURI,
        author: doc.getElementsByTagNameNS(atom, 'author')[0]?.textContent?.trim(),
        // Titles and summaries are type="html": what a reader shows is the HTML's text.
        titles: [...doc.getElementsByTagNameNS(atom, 'entry')].map((e) =>
          html(e.getElementsByTagNameNS(atom, 'title')[0].textContent!),
        ),
        summary: html(doc.getElementsByTagNameNS(atom, 'summary')[0].textContent!),
      };
    }, xml);
    expect(parsed.error).toBeNull();
    expect(parsed.namespace).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.author).toBe('Field Notes');
    expect(parsed.titles).toEqual(NEWEST_FIRST);
    expect(parsed.summary).toBe('Cats, mice & markup');
  });

  it('keeps listing editions not rebuilt, or failed, in a later build', async () => {
    await project.write('content/second.md', '---\ntitle: [unclosed\n---\nBroken front matter.\n');
    const run = await project.runHere(['build', 'first', 'second']);
    expect(run.code).toBe(1); // second failed; its previous output stays, and so does its archive entry
    const html = await project.read('out/index.html');
    for (const subject of [
      'The second edition',
      'An undated note',
      'Tom &amp; Jerry &lt;b&gt;not bold&lt;/b&gt;',
    ])
      expect(html).toContain(subject);
  });

  it('leaves out, with a warning, a folder whose manifest it cannot read', async () => {
    await project.write('content/second.md', article('The second edition', '2026-10-15'));
    await project.write('out/undated/manifest.json', '{ "slug": "someone-else" }');
    const run = await project.runHere(['build', 'first']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/out\/undated\/manifest\.json warning ARCHIVE_MANIFEST/);
    expect(await project.read('out/index.html')).not.toContain('undated/index.html');
    expect(await project.read('out/feed.xml')).not.toContain('/undated/');
  });
});

// An edition in another language than the newsletter's: its entry says which, and which way it is written,
// so that a screen reader reads its subject in that language and an Arabic subject runs right to left.
describe('the web archive of a newsletter in several languages', () => {
  let project: TempProject;
  afterAll(() => project?.remove());

  const edition = (language: string, subject: string, date: string) =>
    `---\nsubject: "${subject}"\ndate: ${date}\nlanguage: ${language}\n---\n`;

  it('marks each edition in another language, with its direction and its date in that language', async () => {
    project = await tempProject({
      'content/english.md': article('An English edition', '2026-09-01'),
      'content/arabic/edition.md': edition('ar', 'نشرة الأسبوع', '2026-10-02'),
      'content/arabic/01-a.md': article('مقال'),
      'content/russian/edition.md': edition('ru', 'Новости недели', '2026-11-03'),
      'content/russian/01-a.md': article('Статья'),
    });
    expect((await project.runHere(['build'])).code).toBe(0);
    const html = await project.read('out/index.html');
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<li lang="ar" dir="rtl">\s*<h2><a href="arabic\/index.html">نشرة الأسبوع/);
    expect(html).toMatch(
      /<li lang="ru">\s*<h2><a href="russian\/index.html">Новости недели[\s\S]*?ноября 2026/,
    );
    expect(html).toMatch(/<li>\s*<h2><a href="english\/index.html">/);
    const manifest = JSON.parse(await project.read('out/russian/manifest.json')) as { language?: string };
    expect(manifest.language).toBe('ru');
    expect(JSON.parse(await project.read('out/english/manifest.json'))).not.toHaveProperty('language');
    const feed = await project.read('out/feed.xml');
    expect(feed).toContain('<entry xml:lang="ar">');
    expect(feed).toContain('<entry xml:lang="ru">');
    expect(feed.match(/<entry>/g)).toHaveLength(1);
  });

  it('writes the page right to left for a newsletter written right to left', async () => {
    await project.write(
      'newsletter.config.json',
      JSON.stringify({ ...JSON.parse(await project.read('newsletter.config.json')), language: 'ar' }),
    );
    // the English edition now says it is English: the newsletter's language is Arabic
    await rm(join(project.dir, 'content/english.md'));
    await project.write('content/english/edition.md', edition('en', 'An English edition', '2026-09-01'));
    await project.write('content/english/01-a.md', article('An article'));
    expect((await project.runHere(['build'])).code).toBe(0);
    const html = await project.read('out/index.html');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toMatch(/<li lang="en" dir="ltr">\s*<h2><a href="english\/index.html">/);
    expect(html).toMatch(/<li>\s*<h2><a href="arabic\/index.html">/);
  });
});
