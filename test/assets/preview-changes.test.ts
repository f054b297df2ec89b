// Which preview rebuild an image change asks for: its edition's for an image in an edition folder, every
// edition's for one that any edition may use (in templates/, a hidden shared folder, or beside one-article
// editions); never for editors' hidden files.
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
  return { relevant, all: p.project, slugs: [...p.slugs] };
};

describe('image changes in the preview', () => {
  it('rebuilds the edition whose folder holds the image', () => {
    expect(plan('change', 'content', 'weekly', 'chart.png')).toEqual({
      relevant: true,
      all: false,
      slugs: ['weekly'],
    });
  });
  it('rebuilds every edition for an image any of them may use', () => {
    expect(plan('change', 'templates', 'logo.png')).toMatchObject({ relevant: true, all: true });
    expect(plan('change', 'content', '_images', 'map.jpg')).toMatchObject({ relevant: true, all: true });
    expect(plan('add', 'content', 'banner.gif')).toMatchObject({ relevant: true, all: true });
  });
  it('ignores hidden files and what is not an image', () => {
    expect(plan('change', 'content', '_images', '.map.jpg.swp').relevant).toBe(false);
    expect(plan('change', 'content', '_drafts', 'notes.txt').relevant).toBe(false);
    expect(plan('change', 'content', 'notes.pdf').relevant).toBe(false);
    expect(plan('change', 'templates', 'README')).toMatchObject({ relevant: false });
  });
});
