// `newsletter new <slug>`: a new edition in content/, in the shape of the project's starter, dated today.
// An edition that exists under that slug (folder or single file) is never touched.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { projectPaths, type ProjectOptions } from '../project.js';
import { firstArticle, newEdition } from '../starters/content.js';
import { DEFAULT_STARTER, isStarter, STARTERS, starterOf } from '../starters/starters.js';
import { today } from '../starters/today.js';
import { ARTICLE_EXTENSIONS } from '../content/formats.js';
import { EXIT, type Io } from './io.js';

export interface NewOptions extends ProjectOptions {
  slug: string;
  single?: boolean;
  starter?: string;
}

const SLUG = /^[a-z0-9][a-z0-9._-]*$/i;

export async function newCommand(options: NewOptions, io: Io, cwd = process.cwd()): Promise<number> {
  if (!SLUG.test(options.slug) || options.slug.endsWith('.md') || options.slug.endsWith('.txt')) {
    io.stderr(
      `newsletter new: <slug> "${options.slug}" must be letters, digits, ".", "-" or "_", like 2026-12-harbour\n`,
    );
    return EXIT.usage;
  }
  if (options.starter !== undefined && !isStarter(options.starter)) {
    io.stderr(
      `newsletter new: --starter must be one of ${Object.keys(STARTERS).join(', ')} (got "${options.starter}")\n`,
    );
    return EXIT.usage;
  }
  const paths = projectPaths(options);
  const taken = [options.slug, ...ARTICLE_EXTENSIONS.map((ext) => `${options.slug}${ext}`)]
    .map((name) => join(paths.content, name))
    .filter((path) => existsSync(path));
  if (taken.length > 0) {
    io.stderr(
      `newsletter new: the edition "${options.slug}" exists: ${taken.map((p) => relative(cwd, p)).join(', ')}; nothing was written\n`,
    );
    return EXIT.usage;
  }

  const starter = options.starter ?? starterOf(paths.templates) ?? DEFAULT_STARTER;
  const date = today();
  await mkdir(paths.content, { recursive: true });
  let created: string;
  if (options.single) {
    created = join(paths.content, `${options.slug}.md`);
    await writeFile(created, firstArticle(starter, date), { flag: 'wx' });
  } else {
    created = join(paths.content, options.slug);
    await mkdir(created);
    for (const [name, text] of Object.entries(newEdition(starter, date)))
      await writeFile(join(created, name), text, { flag: 'wx' });
  }
  io.stderr(
    `Created the edition "${options.slug}" (${starter} starter, dated ${date}); preview it with: newsletter preview\n`,
  );
  io.stdout(`${relative(cwd, created) || '.'}${options.single ? '' : '/'}\n`);
  return EXIT.ok;
}
