// The starters write no words of their own: every phrase a reader sees comes through {{t}}, so each
// language's edition is in that language, whichever starter a project began from.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

const STARTERS = join(REPO, 'starters');
const templates = readdirSync(STARTERS, { recursive: true, encoding: 'utf8' }).filter((f) =>
  f.endsWith('.hbs'),
);

/** What a reader would see: the template without comments, tags, attributes or Handlebars expressions. */
const visible = (source: string) =>
  source
    .replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, '')
    .replace(/\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/<[^>]*>/g, ' ');

describe.each(['digest', 'story', 'links'])('the %s starter', (starter) => {
  const files = templates.filter((f) => f.startsWith(`${starter}/`));
  const shown = files.filter((f) => !f.endsWith('/styles.mjml.hbs')); // CSS only

  it('has HTML and text layouts', () => {
    expect(files).toContain(`${starter}/default.mjml.hbs`);
    expect(files).toContain(`${starter}/default.txt.hbs`);
  });

  it.each(shown)('writes no words outside {{t}} in %s', (file) => {
    const words = visible(readFileSync(join(STARTERS, file), 'utf8')).match(/\p{L}{2,}/gu) ?? [];
    expect(words).toEqual([]);
  });

  it('sets dir from the edition on <mjml> and aligns text by it', () => {
    const layout = readFileSync(join(STARTERS, starter, 'default.mjml.hbs'), 'utf8');
    expect(layout).toContain('<mjml lang="{{newsletter.language}}" dir="{{edition.dir}}">');
    expect(layout).toMatch(/<mj-text [^>]*align="\{\{edition\.align\}\}"/);
    expect(layout).toMatch(/<mj-section [^>]*direction="\{\{edition\.dir\}\}"/);
  });
});
