// Languages as a writer sets them: in the config, in edition.md, in an article's front matter, and the
// config's own strings; with the errors and warnings each bad value gets.
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

const article = (front = '') => `---
title: A title
author: Ada Example
${front}---
Some words in the body of the article, enough of them to read.
`;

describe('language', () => {
  it('refuses an invalid tag in the config at its line, as a configuration error', async () => {
    project = await tempProject({
      'newsletter.config.json': '{\n  "name": "Letters",\n  "language": "english"\n}\n',
      'content/e/01-a.md': article(),
    });
    const result = await project.runHere(['build']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/newsletter\.config\.json:3\S* error LANG_UNKNOWN/);
  });

  it('refuses an invalid tag in front matter at its line', async () => {
    project = await tempProject({ 'content/e/01-a.md': article('language: en_US\n') });
    const result = await project.runHere(['build']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/e\/01-a\.md:4\S* error LANG_UNKNOWN "en_US"/);
  });

  it("takes edition.md's language for <html lang>, Content-Language, dates and the template's words", async () => {
    project = await tempProject({
      'content/e/edition.md': '---\nsubject: Выпуск\ndate: 2026-12-02\nlanguage: ru\n---\n',
      'content/e/01-a.md': article(),
    });
    expect((await project.runHere(['build'])).code).toBe(0);
    const html = await project.read('out/e/index.html');
    const text = await project.read('out/e/index.txt');
    expect(html).toContain('<html lang="ru" dir="ltr"');
    expect(await project.read('out/e/message.eml')).toMatch(/^Content-Language: ru\r?$/m);
    expect(text).toContain('2 декабря 2026');
    expect(text).toContain('Автор: Ada Example · 1 минута чтения');
    expect(text).toContain('Отписаться: ');
  });

  it('reads a Japanese article by its characters, which have no spaces to count words by', async () => {
    project = await tempProject({
      'content/e/edition.md': '---\nsubject: 今週\nlanguage: ja\n---\n',
      'content/e/01-a.md': `---\ntitle: 雨\n---\n${'東京の天気は今週ずっと雨でした。'.repeat(100)}\n`,
    });
    expect((await project.runHere(['build'])).code).toBe(0);
    expect(await project.read('out/e/index.txt')).toContain('3分で読めます'); // 1,500 characters
  });

  it('lays an edition out right to left when the config says so', async () => {
    project = await tempProject({
      'newsletter.config.json': '{ "direction": "rtl" }\n',
      'content/e/01-a.md': article(),
    });
    expect((await project.runHere(['build'])).code).toBe(0);
    expect(await project.read('out/e/index.html')).toContain('<html lang="en" dir="rtl"');
  });
});

describe('strings in the config', () => {
  it('override the built-in words, for the config language or by tag, and name an unknown key', async () => {
    project = await tempProject({
      'newsletter.config.json': JSON.stringify(
        {
          strings: {
            unsubscribe: 'Leave the list',
            unsubscrbe: 'typo',
            de: { greeting: 'Moin {name},', min_read: { one: 'eine Minute', other: '{count} Minuten' } },
          },
        },
        null,
        2,
      ),
      'content/en/edition.md': '---\nsubject: One\n---\nHello.\n',
      'content/en/01-a.md': article(),
      'content/de/edition.md': '---\nsubject: Zwei\nlanguage: de\n---\nHallo.\n',
      'content/de/01-a.md': article(),
    });
    const result = await project.runHere(['build']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /newsletter\.config\.json:4\S* warning LANG_STRINGS_UNKNOWN_KEY .*strings\.unsubscrbe/,
    );
    expect(result.stderr).toContain('known keys: view_in_browser, view_edition_in_browser, greeting');
    expect(await project.read('out/en/index.txt')).toContain('Leave the list: ');
    const german = await project.read('out/de/index.txt');
    expect(german).toContain('Moin zusammen,');
    expect(german).toContain('Von Ada Example · eine Minute');
    expect(german).toContain('Abmelden: '); // the flat override is for the config's language only
  });
});

describe('check', () => {
  it('names the strings a language has no translation for, and text laid out against its script', async () => {
    project = await tempProject({
      'content/sw/edition.md': '---\nsubject: Habari\nlanguage: sw\n---\n',
      'content/sw/01-a.md': article(),
      'content/ar/01-a.md': `---\ntitle: الطقس\n---\n${'كان الأسبوع باردًا في المدينة، وهطلت الأمطار طوال الليل. '.repeat(3)}\n`,
    });
    const result = await project.runHere(['check']);
    expect(result.stderr).toMatch(
      /content\/sw\/edition\.md:3\S* info LANG_STRINGS_MISSING no "sw" translation of the template strings view_in_browser,/,
    );
    expect(result.stderr).toMatch(
      /warning LANG_DIRECTION_MISMATCH edition "ar" is laid out left-to-right, but 100% of its letters/,
    );
    expect(result.stderr).not.toMatch(/LANG_DIRECTION_MISMATCH edition "sw"/);
  });
});
