import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { addToPlan, emptyPlan, type WatchEvent } from '../../src/preview/changes.js';

const root = join('/', 'project');
const paths = {
  content: join(root, 'content'),
  templates: join(root, 'templates'),
  config: join(root, 'newsletter.config.json'),
  out: join(root, 'out'),
};
const plan = (event: WatchEvent, ...path: string[]) => {
  const p = emptyPlan();
  const relevant = addToPlan(p, event, join(root, ...path), paths);
  return { relevant, project: p.project, list: p.list, slugs: [...p.slugs] };
};

describe('addToPlan', () => {
  it('rebuilds one edition when its own files change', () => {
    expect(plan('change', 'content', 'weekly', '01-power.md')).toEqual({
      relevant: true,
      project: false,
      list: false,
      slugs: ['weekly'],
    });
    expect(plan('add', 'content', 'weekly', '02-new.txt').slugs).toEqual(['weekly']);
    expect(plan('unlink', 'content', 'weekly', 'edition.md').slugs).toEqual(['weekly']);
    expect(plan('change', 'content', 'kursk-talks.txt').slugs).toEqual(['kursk-talks']);
    expect(plan('add', 'content', 'weekly', 'images', 'chart.png').slugs).toEqual(['weekly']);
  });

  it('lists the editions again when one appears or goes', () => {
    expect(plan('addDir', 'content', 'weekly')).toMatchObject({ list: true, slugs: [] });
    expect(plan('unlinkDir', 'content', 'weekly')).toMatchObject({ list: true });
    expect(plan('add', 'content', 'one-off.md')).toMatchObject({ list: true });
    expect(plan('unlink', 'content', 'one-off.md')).toMatchObject({ list: true });
  });

  it('reloads the project for the config, a layout or a partial', () => {
    expect(plan('change', 'newsletter.config.json')).toMatchObject({ project: true });
    expect(plan('change', 'templates', 'default.mjml.hbs')).toMatchObject({ project: true });
    expect(plan('add', 'templates', 'partials', 'sponsor.mjml.hbs')).toMatchObject({ project: true });
    expect(plan('unlinkDir', 'templates', 'partials')).toMatchObject({ project: true });
  });

  it('ignores hidden and draft files, editor leftovers and the output folder', () => {
    for (const path of [
      ['content', '_drafts', 'x.md'],
      ['content', '.weekly.md.swp'],
      ['content', 'weekly', '.01-power.md.swp'],
      ['content', 'weekly', '01-power.md~'],
      ['content', 'notes.docx'],
      ['templates', '.default.mjml.hbs.swp'],
      ['templates', 'README.md'],
      ['out', 'weekly', 'index.html'],
      ['package.json'],
    ]) {
      expect(plan('change', ...path).relevant, path.join('/')).toBe(false);
    }
  });
});

// Which rebuild an image change asks for: its edition's for an image in an edition folder, every edition's
// for one that any edition may use (in templates/, a hidden shared folder, or beside one-article editions);
// never for editors' hidden files.
describe('image changes in the preview', () => {
  it('rebuilds the edition whose folder holds the image', () => {
    expect(plan('change', 'content', 'weekly', 'chart.png')).toEqual({
      relevant: true,
      project: false,
      list: false,
      slugs: ['weekly'],
    });
  });
  it('rebuilds every edition for an image any of them may use', () => {
    expect(plan('change', 'templates', 'logo.png')).toMatchObject({ relevant: true, project: true });
    expect(plan('change', 'content', '_images', 'map.jpg')).toMatchObject({ relevant: true, project: true });
    expect(plan('add', 'content', 'banner.gif')).toMatchObject({ relevant: true, project: true });
  });
  it('ignores hidden files and what is not an image', () => {
    expect(plan('change', 'content', '_images', '.map.jpg.swp').relevant).toBe(false);
    expect(plan('change', 'content', '_drafts', 'notes.txt').relevant).toBe(false);
    expect(plan('change', 'content', 'notes.pdf').relevant).toBe(false);
    expect(plan('change', 'templates', 'README')).toMatchObject({ relevant: false });
  });
});
