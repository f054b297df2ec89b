// The files `init` writes, planned first (so conflicts are found before anything is touched), then written.
// In the newsletter repository itself, the sample moves to examples/field-notes/ to make room.
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { CONFIG_FILE } from '../project-root.js';
import { firstEdition } from '../starters/content.js';
import { starterDir } from '../starters/starters.js';
import type { InitAnswers } from './answers.js';
import { writerReadme } from './readme.js';

export const SAMPLE_HOME = 'examples/field-notes';
const IGNORED = ['out/', 'node_modules/', '.env'];

export interface InitPlan {
  /** Project-relative path -> text. */
  files: Map<string, string>;
  /** Project-relative moves, done before the writes (the repository's sample). */
  moves: { from: string; to: string }[];
  /** Lines .gitignore must hold: appended to an existing one, never replacing it. */
  gitignore: string[];
  /** The first edition's folder, for the closing message. */
  firstEdition: string;
}

export async function planInit(
  target: string,
  answers: InitAnswers,
  today: string,
  takeover: boolean,
): Promise<InitPlan> {
  const files = new Map<string, string>();
  files.set(CONFIG_FILE, `${JSON.stringify(configOf(answers), null, 2)}\n`);
  const slug = `${today}-welcome`;
  for (const [name, text] of Object.entries(firstEdition(answers.starter, answers.name, today)))
    files.set(`content/${slug}/${name}`, text);
  const templates = starterDir(answers.starter);
  for (const file of await listFiles(templates))
    files.set(`templates/${file}`, await readFile(join(templates, file), 'utf8'));
  const readme = takeover && existsSync(join(target, 'README.md')) ? 'NEWSLETTER.md' : 'README.md';
  files.set(readme, writerReadme(answers, slug));

  // once the sample has moved, content/ is the writer's: a second init must not move it too
  const moves =
    takeover && !existsSync(join(target, SAMPLE_HOME))
      ? ['content', CONFIG_FILE]
          .filter((path) => existsSync(join(target, path)))
          .map((path) => ({ from: path, to: `${SAMPLE_HOME}/${path}` }))
      : [];
  return { files, moves, gitignore: IGNORED, firstEdition: `content/${slug}` };
}

/** The config `init` writes: only what the writer gave, so every other key keeps its documented default. */
function configOf(answers: InitAnswers): Record<string, string> {
  const { starter: _starter, ...identity } = answers;
  return Object.fromEntries(Object.entries(identity).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
}

/** Paths the plan would overwrite (a moved-away file is not one), and moves whose destination is taken. */
export function conflicts(target: string, plan: InitPlan): string[] {
  const movedAway = (path: string) =>
    plan.moves.some((m) => path === m.from || path.startsWith(`${m.from}/`));
  return [
    ...plan.moves.map((m) => m.to).filter((path) => existsSync(join(target, path))),
    ...[...plan.files.keys()].filter((path) => !movedAway(path) && existsSync(join(target, path))),
  ];
}

export async function applyInit(target: string, plan: InitPlan): Promise<void> {
  for (const { from, to } of plan.moves) {
    await mkdir(dirname(join(target, to)), { recursive: true });
    await rename(join(target, from), join(target, to));
  }
  for (const [path, text] of plan.files) {
    await mkdir(dirname(join(target, path)), { recursive: true });
    await writeFile(join(target, path), text);
  }
  const gitignore = join(target, '.gitignore');
  const existing = existsSync(gitignore) ? await readFile(gitignore, 'utf8') : '';
  const missing = plan.gitignore.filter((line) => !existing.split(/\r?\n/).includes(line));
  if (missing.length > 0)
    await appendFile(gitignore, `${existing && !existing.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`);
}

/** Entries of a folder that make it "not empty": anything but hidden files such as .git. */
export async function visibleEntries(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}
