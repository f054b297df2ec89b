// Every built-in language, end to end: an edition in it keeps none of the template's English words, and
// its message says which language it is in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN } from '../../src/i18n/table.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const LANGUAGES = Object.keys(BUILT_IN).filter((language) => language !== 'en');

/** The English template words each layout writes; none may be left in another language's edition. */
const ENGLISH = [
  'View in your browser',
  'View this edition',
  'Hi ',
  'there,',
  'By ',
  'min read',
  'on the web',
  'Links:',
  'You are receiving',
  'because you subscribed',
  'Unsubscribe',
  'Manage your preferences',
  'Preferences:',
];

const edition = (language: string) => `---
subject: Lorem ${language}
date: 2026-12-02
language: ${language}
---
Lorem ipsum dolor sit amet.
`;
const article = `---
title: Lorem ipsum
author: A. Q. Zed
date: 2026-12-01
url: https://example.com/lorem
---
Lorem ipsum dolor sit amet, [consectetur](https://example.com/c) adipiscing elit.
`;

let project: TempProject;
beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const language of LANGUAGES) {
    files[`content/${language}/edition.md`] = edition(language);
    files[`content/${language}/01-lorem.md`] = article;
  }
  project = await tempProject(files);
  const result = await project.runHere(['build']);
  expect(result.stderr).not.toMatch(/ error /);
  expect(result.code).toBe(0);
}, 300_000);
afterAll(() => project?.remove());

describe.each(LANGUAGES)('an edition in %s', (language) => {
  it('has no English left in the template words, in HTML and plain text', async () => {
    const text = await project.read(`out/${language}/index.txt`);
    const html = (await project.read(`out/${language}/index.html`)).replace(/<[^>]*>/g, ' ');
    for (const words of ENGLISH) {
      expect(text, `text: "${words}"`).not.toContain(words);
      expect(html, `HTML: "${words}"`).not.toContain(words);
    }
    expect(text).toContain(language === 'ja' ? '分' : 'https://example.com/lorem'); // the article is there
  });

  it('says its language in <html lang> and Content-Language', async () => {
    expect(await project.read(`out/${language}/index.html`)).toMatch(
      new RegExp(`<html lang="${language}" dir="(ltr|rtl)"`),
    );
    expect(await project.read(`out/${language}/message.eml`)).toMatch(
      new RegExp(`^Content-Language: ${language}\\r?$`, 'm'),
    );
  });
});
