// Reading one local image: resolved against the file that names it, confined to the project, recognised by
// its bytes (not its name), sized, and named after its content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readImageFile } from '../../src/assets/image-file.js';
import { densityOf, displaySize } from '../../src/assets/display-size.js';
import { gif, jpegHeader, png } from '../helpers/images.js';

describe('readImageFile', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'newsletter-images-'));
    outside = await mkdtemp(join(tmpdir(), 'newsletter-outside-'));
    await mkdir(join(root, 'content/ed/img'), { recursive: true });
    await writeFile(join(root, 'content/ed/img/chart.png'), png(120, 60));
    await writeFile(join(root, 'content/ed/anim.gif'), gif(300, 200));
    await writeFile(join(root, 'content/ed/photo.jpg'), jpegHeader(640, 480));
    await writeFile(join(root, 'content/ed/my chart.png'), png(10, 10));
    await writeFile(join(root, 'content/ed/notes.png'), 'not an image at all');
    await writeFile(join(outside, 'secret.png'), png(5, 5));
    await symlink(join(outside, 'secret.png'), join(root, 'content/ed/link.png'));
    await symlink(outside, join(root, 'content/ed/elsewhere'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });
  const read = (ref: string) => readImageFile(root, 'content/ed/01-a.md', ref);
  const problem = (ref: string) => {
    const result = read(ref);
    return 'problem' in result ? result.problem.code : 'read';
  };

  it('reads PNG, GIF and JPEG by their bytes, with their size and a content-hashed name', () => {
    const chart = read('img/chart.png');
    expect(chart).toMatchObject({
      image: { source: 'content/ed/img/chart.png', type: 'png', width: 120, height: 60 },
    });
    expect('image' in chart && chart.image.name).toMatch(/^chart\.[0-9a-f]{6}\.png$/);
    expect(read('./anim.gif')).toMatchObject({ image: { type: 'gif', width: 300, height: 200 } });
    expect(read('photo.jpg')).toMatchObject({ image: { type: 'jpg', width: 640, height: 480 } });
  });

  it('decodes the percent-encoding Markdown adds and ignores a query or fragment', () => {
    expect(read('my%20chart.png')).toMatchObject({ image: { source: 'content/ed/my chart.png' } });
    expect(read('img/chart.png?v=2#top')).toMatchObject({ image: { source: 'content/ed/img/chart.png' } });
  });

  it('refuses what is missing, outside the project or not an image', () => {
    expect(problem('missing.png')).toBe('IMAGE_NOT_FOUND');
    expect(problem('img')).toBe('IMAGE_NOT_FOUND');
    expect(problem('../../../etc/passwd.png')).toBe('IMAGE_OUTSIDE_PROJECT');
    expect(problem('..%2F..%2F..%2F..%2Fetc%2Fpasswd')).toBe('IMAGE_OUTSIDE_PROJECT');
    expect(problem('/etc/hostname')).toBe('IMAGE_OUTSIDE_PROJECT');
    expect(problem('C:\\photos\\a.png')).toBe('IMAGE_OUTSIDE_PROJECT');
    expect(problem('link.png')).toBe('IMAGE_OUTSIDE_PROJECT');
    expect(problem('elsewhere/secret.png')).toBe('IMAGE_OUTSIDE_PROJECT');
    expect(problem('notes.png')).toBe('IMAGE_UNREADABLE');
  });

  it('gives the same bytes the same name, and changed bytes a new one', async () => {
    const before = read('img/chart.png');
    await writeFile(join(root, 'content/ed/img/copy.png'), png(120, 60));
    const copy = read('img/copy.png');
    expect('image' in copy && copy.image.name.split('.')[1]).toBe(
      'image' in before && before.image.name.split('.')[1],
    );
    await writeFile(join(root, 'content/ed/img/chart.png'), png(120, 60, [0, 0, 0]));
    const after = read('img/chart.png');
    expect('image' in after && after.image.name).not.toBe('image' in before && before.image.name);
  });
});

describe('display size', () => {
  it('keeps a small image at its own width and caps a large one at the column', () => {
    expect(displaySize({ width: 120, height: 60 }, 1)).toEqual({ width: 120, height: 60 });
    expect(displaySize({ width: 2000, height: 1000 }, 1)).toEqual({ width: 552, height: 276 });
  });
  it('halves a 2x image, by its name or by image_density', () => {
    expect(densityOf('chart@2x.png', undefined)).toBe(2);
    expect(densityOf('chart.png', 2)).toBe(2);
    expect(densityOf('chart.png', 'lots')).toBe(1);
    expect(displaySize({ width: 400, height: 300 }, 2)).toEqual({ width: 200, height: 150 });
  });
  it('takes the width a writer gave, up to the column', () => {
    expect(displaySize({ width: 400, height: 200 }, 1, '100')).toEqual({ width: 100, height: 50 });
    expect(displaySize({ width: 400, height: 200 }, 1, '900')).toEqual({ width: 552, height: 276 });
  });
});
