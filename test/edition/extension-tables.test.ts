// The extension tables are what everything reads: a field added to edition/article-fields.ts is read from
// front matter and shown to templates under its key; a format added to content/formats.ts is found by
// discovery and parsed by its own parser.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/content/article.js';
import { ARTICLE_EXTENSIONS, CONTENT_FORMATS, formatOf } from '../../src/content/formats.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ARTICLE_FIELDS } from '../../src/edition/article-fields.js';
import type { Edition } from '../../src/edition/types.js';
import { editionView } from '../../src/render/view.js';

const SAMPLE_VALUE = {
  text: 'Some words',
  url: 'https://example.org/x',
  date: '2026-11-20',
  language: 'de',
  words: ['a', 'b'],
};

class SafeString {
  constructor(readonly value: string) {}
}

const viewOf = async (source: string) => {
  const { article, diagnostics } = await parseArticle(new TextEncoder().encode(source), 'content/e/01-a.md');
  expect(diagnostics).toEqual([]);
  const edition: Edition = {
    slug: 'e',
    sources: [],
    subject: 'S',
    layout: 'default',
    articles: [article!],
    extra: {},
  };
  return editionView(edition, DEFAULT_CONFIG, 'html', SafeString).articles[0] as Record<string, unknown>;
};

describe('the article field table', () => {
  it('reads every field from front matter and shows it to templates under the same key', async () => {
    const frontMatter = Object.values(ARTICLE_FIELDS)
      .map(({ key, kind }) => `${key}: ${JSON.stringify(SAMPLE_VALUE[kind])}`)
      .join('\n');
    const view = await viewOf(`---\n${frontMatter}\n---\nBody.\n`);
    for (const { key, kind } of Object.values(ARTICLE_FIELDS))
      expect(view[key], key).toEqual(SAMPLE_VALUE[kind]);
  });

  it('shows a missing field as null (a list as empty), so strict templates can test it', async () => {
    const view = await viewOf('---\ntitle: T\n---\nBody.\n');
    for (const { key, kind } of Object.values(ARTICLE_FIELDS)) {
      if (key === 'title') continue;
      // an article without a language of its own is in its edition's
      if (kind === 'language') expect(view[key], key).toBe(DEFAULT_CONFIG.language);
      else expect(view[key], key).toEqual(kind === 'words' ? [] : null);
    }
  });
});

describe('the content format table', () => {
  it('gives discovery its extensions and each file its own parser', async () => {
    expect(ARTICLE_EXTENSIONS).toEqual(CONTENT_FORMATS.map((f) => f.extension));
    expect(formatOf('01-a.md')?.extension).toBe('.md');
    expect(formatOf('notes.txt')?.extension).toBe('.txt');
    expect(formatOf('picture.png')).toBeUndefined();
    const text = 'Title line\n\nA paragraph, *not* Markdown.\n';
    const md = await (await formatOf('a.md')!.loadParser())(`---\ntitle: T\n---\n${text}`, 'a.md', 'a');
    const txt = await (await formatOf('a.txt')!.loadParser())(text, 'a.txt', 'a');
    expect(md.article!.html).toContain('<em>not</em>');
    expect(txt.article!.html).toContain('*not* Markdown.');
  });
});
