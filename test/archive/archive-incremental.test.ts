// The web archive is written again only when what it shows changed (src/archive/write-archive.ts): a build
// that changed nothing, or only an article's body, leaves out/index.html and out/feed.xml as they are, and
// a manifest whose stamp is unchanged is not read again. Whatever is skipped, the files hold what a build
// from scratch would write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { readArchiveEntries, type KnownManifest } from '../../src/archive/entries.js';
import { tempProject, type TempProject } from '../helpers/project.js';

const ARCHIVE = ['out/index.html', 'out/feed.xml'];

describe('the web archive, written again only when it changes', () => {
  let project: TempProject;
  const build = async (...args: string[]) => {
    const result = await project.runHere(['build', ...args]);
    expect(result.code, result.stderr).toBe(0);
    return result;
  };
  // a file written again is a new file renamed over the old one: a new inode
  const inodes = () => Promise.all(ARCHIVE.map(async (file) => (await stat(join(project.dir, file))).ino));
  const contents = () => Promise.all(ARCHIVE.map((file) => project.read(file)));
  /** What a build from scratch writes, for the project as it is now. */
  const fromScratch = async () => {
    await rm(join(project.dir, 'out'), { recursive: true, force: true });
    await build();
    return contents();
  };

  /** Both editions' manifests as known under their stamps now, with a subject they do not say (a read shows). */
  const knownManifests = () => {
    const out = join(project.dir, 'out');
    const slugs = ['2026-11-field-notes', 'kursk-talks'];
    const stampOf = (slug: string) => {
      const { size, mtimeMs, ctimeMs } = statSync(join(out, slug, 'manifest.json'));
      return { size, mtimeMs, ctimeMs };
    };
    const known: Record<string, KnownManifest> = Object.fromEntries(
      slugs.map((slug) => [
        slug,
        { ...stampOf(slug), entry: { slug, subject: `known ${slug}`, preheader: null, date: null } },
      ]),
    );
    return { out, slugs, stampOf, known };
  };

  beforeEach(async () => {
    project = await tempProject();
    await build();
  });
  afterEach(() => project.remove());

  it('leaves both files alone when nothing changed, or only an article body', async () => {
    const before = await inodes();
    const written = await contents();
    await build();
    expect(await inodes()).toEqual(before);

    await writeFile(
      join(project.dir, 'content/kursk-talks.txt'),
      `${await project.read('content/kursk-talks.txt')}\nOne more paragraph, written later.\n`,
    );
    const run = await build();
    expect(run.stderr).toContain('Built 1 of 2 editions');
    expect(await inodes()).toEqual(before);
    expect(await contents()).toEqual(written);
    expect(written).toEqual(await fromScratch());
  });

  it('writes them again when an edition’s subject changes', async () => {
    const before = await inodes();
    const text = await project.read('content/kursk-talks.txt');
    await writeFile(
      join(project.dir, 'content/kursk-talks.txt'),
      `A new headline\n${text.slice(text.indexOf('\n'))}`,
    );
    await build();
    expect(await inodes()).not.toEqual(before);
    const [html, feed] = await contents();
    expect(html).toContain('A new headline');
    expect(feed).toContain('A new headline');
    expect([html, feed]).toEqual(await fromScratch());
  });

  it('writes them again when one is edited or deleted by hand, or what it keeps is corrupt', async () => {
    const written = await contents();
    await writeFile(join(project.dir, 'out/index.html'), 'edited by hand');
    await rm(join(project.dir, 'out/feed.xml'));
    await build();
    expect(await contents()).toEqual(written);

    await writeFile(join(project.dir, 'out/.newsletter/cache/archive.json'), '{ not json');
    await writeFile(join(project.dir, 'out/index.html'), 'edited by hand');
    await build();
    expect(await contents()).toEqual(written);
    expect(JSON.parse(await project.read('out/.newsletter/cache/archive.json'))).toHaveProperty('key');
  });

  it('takes a manifest under an unchanged stamp as known, and reads one whose stamp changed', async () => {
    const { out, slugs, known } = knownManifests();
    const first = await readArchiveEntries(out, 'out', new Set(slugs), known);
    expect(first.entries.map((e) => e.subject).sort()).toEqual(slugs.map((slug) => `known ${slug}`));
    expect(first.changed).toBe(false);

    const stale = {
      ...known,
      'kursk-talks': { ...known['kursk-talks']!, size: known['kursk-talks']!.size + 1 },
    };
    const second = await readArchiveEntries(out, 'out', new Set(slugs), stale);
    expect(second.changed).toBe(true);
    const kursk = second.entries.find((e) => e.slug === 'kursk-talks')!;
    expect(kursk.subject).toBe(
      JSON.parse(await readFile(join(out, 'kursk-talks/manifest.json'), 'utf8')).subject,
    );
    expect(second.entries.find((e) => e.slug === '2026-11-field-notes')!.subject).toBe(
      'known 2026-11-field-notes',
    );
  });

  it('takes a manifest’s stamp from what the build cache just checked, and stats the others', async () => {
    const { out, slugs, stampOf, known } = knownManifests();
    const subjectOf = async (slug: string) =>
      JSON.parse(await readFile(join(out, slug, 'manifest.json'), 'utf8')).subject as string;
    const subjects = async (checked: Map<string, ReturnType<typeof stampOf> & { path: string }>) =>
      Object.fromEntries(
        (await readArchiveEntries(out, 'out', new Set(slugs), known, checked)).entries.map((e) => [
          e.slug,
          e.subject,
        ]),
      );

    // checked under the stamp it was known by: known, not read
    const same = new Map(
      slugs.map((slug) => [`${slug}/manifest.json`, { path: `${slug}/manifest.json`, ...stampOf(slug) }]),
    );
    expect(await subjects(same)).toEqual({
      '2026-11-field-notes': 'known 2026-11-field-notes',
      'kursk-talks': 'known kursk-talks',
    });
    // checked under another stamp: read, whatever the file system says of it now
    const other = new Map(same);
    other.set('kursk-talks/manifest.json', {
      ...same.get('kursk-talks/manifest.json')!,
      size: known['kursk-talks']!.size + 1,
    });
    expect((await subjects(other))['kursk-talks']).toBe(await subjectOf('kursk-talks'));
    // not checked: its own stamp, from the file system (here changed since it was known)
    const { mtimeMs } = stampOf('kursk-talks');
    await utimes(join(out, 'kursk-talks/manifest.json'), new Date(), new Date(mtimeMs - 5000));
    const without = new Map(same);
    without.delete('kursk-talks/manifest.json');
    expect(await subjects(without)).toEqual({
      '2026-11-field-notes': 'known 2026-11-field-notes',
      'kursk-talks': await subjectOf('kursk-talks'),
    });
  });

  it('lists what an edition rebuilt in this run says, never what the cache checked before it was rebuilt', async () => {
    // the manifest edited by hand: the cache finds the edition's output changed, and rebuilds it
    const manifest = join(project.dir, 'out/kursk-talks/manifest.json');
    const edited = JSON.parse(await readFile(manifest, 'utf8'));
    await writeFile(manifest, `${JSON.stringify({ ...edited, subject: 'Edited by hand' }, null, 2)}\n`);
    await build();
    expect((await contents()).join('')).not.toContain('Edited by hand');
    // its source changed: rebuilt, and listed under its new subject
    const text = await project.read('content/kursk-talks.txt');
    await writeFile(
      join(project.dir, 'content/kursk-talks.txt'),
      `Another headline\n${text.slice(text.indexOf('\n'))}`,
    );
    await build();
    const written = await contents();
    expect(written[0]).toContain('Another headline');
    expect(written).toEqual(await fromScratch());
  });

  it('reads a manifest again when what was kept of it would not pass as a manifest', async () => {
    const out = join(project.dir, 'out');
    const slug = 'kursk-talks';
    const { size, mtimeMs, ctimeMs } = statSync(join(out, slug, 'manifest.json'));
    const subject = JSON.parse(await readFile(join(out, slug, 'manifest.json'), 'utf8')).subject;
    for (const entry of [
      { slug, subject: 'kept', preheader: null, date: 'not a date' },
      { slug: 'another-folder', subject: 'kept', preheader: null, date: null },
    ]) {
      const read = await readArchiveEntries(out, 'out', new Set([slug]), {
        [slug]: { size, mtimeMs, ctimeMs, entry },
      });
      expect(read.entries.map((e) => e.subject)).toEqual([subject]);
    }
  });

  it('does not keep what it read of a manifest written within the last second: it reads it again', async () => {
    const out = join(project.dir, 'out');
    const slug = 'kursk-talks';
    const file = join(out, slug, 'manifest.json');
    await writeFile(file, await readFile(file, 'utf8')); // just written: its stamp may not tell the next change
    const first = await readArchiveEntries(out, 'out', new Set([slug]));
    expect(first.entries.map((e) => e.slug)).toEqual([slug]);
    expect(first.manifests).not.toHaveProperty(slug);
  });
});
