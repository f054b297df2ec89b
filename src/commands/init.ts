// `newsletter init [dir]`: a new newsletter project, from flags or, on a terminal, from prompts.
// Nothing is written until every answer is valid and no file would be overwritten (unless --force).
import { existsSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { answersFromFlags, flagProblems, type InitAnswers, type InitFlags } from '../init/answers.js';
import { applyInit, conflicts, planInit, SAMPLE_HOME, visibleEntries } from '../init/project-files.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { today } from '../starters/today.js';
import { EXIT, type Io } from './io.js';

export interface InitOptions extends InitFlags {
  dir?: string;
  yes?: boolean;
  force?: boolean;
}

const FLAG_KEYS = ['name', 'from', 'url', 'unsubscribeUrl', 'postalAddress', 'language', 'starter'] as const;

export async function initCommand(options: InitOptions, io: Io, cwd = process.cwd()): Promise<number> {
  const flags: InitFlags = Object.fromEntries(
    FLAG_KEYS.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]),
  );
  const problems = flagProblems(flags);
  if (problems.length > 0) {
    for (const problem of problems) io.stderr(`newsletter init: ${problem}\n`);
    return EXIT.usage;
  }

  // `init` with no folder, run inside the newsletter repository, makes the repository the writer's own
  const takeover =
    options.dir === undefined && isInside(cwd, PACKAGE_ROOT) && existsSync(resolve(PACKAGE_ROOT, 'content'));
  const target = takeover ? PACKAGE_ROOT : resolve(cwd, options.dir ?? '.');
  if (!takeover && !options.force) {
    const present = await visibleEntries(target);
    if (present.length > 0) {
      io.stderr(
        `newsletter init: [dir] ${target} is not empty (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}); ` +
          'name a new or empty folder, or add --force to write beside what is there\n',
      );
      return EXIT.usage;
    }
  }

  let answers = answersFromFlags(flags, basename(target));
  if (io.interactive && !options.yes) {
    const asked = new Set(FLAG_KEYS.filter((k) => flags[k] === undefined));
    try {
      answers = await (
        await import('../init/prompt.js')
      ).askAnswers(answers, asked as Set<keyof InitAnswers>);
    } catch (error) {
      if ((error as Error).name !== 'ExitPromptError') throw error;
      io.stderr('newsletter init: cancelled; nothing was written\n');
      return EXIT.usage;
    }
  }

  const plan = await planInit(target, answers, today(), takeover);
  const taken = conflicts(target, plan);
  if (taken.length > 0 && !options.force) {
    io.stderr(`newsletter init: these files exist and would be overwritten (add --force to replace them):\n`);
    for (const path of taken) io.stderr(`  ${path}\n`);
    return EXIT.usage;
  }
  await applyInit(target, plan);

  const where = relative(cwd, target) || '.';
  for (const move of plan.moves) io.stderr(`moved ${move.from} -> ${move.to}\n`);
  io.stderr(
    `Created ${answers.name} in ${where} with the ${answers.starter} starter: ${[...plan.files.keys()].length} files, ` +
      `the first edition in ${plan.firstEdition}/.\n${plan.moves.length ? `The sample newsletter is now in ${SAMPLE_HOME}/.\n` : ''}` +
      `Next:\n${where === '.' ? '' : `  cd ${where}\n`}  newsletter preview\n`,
  );
  io.stdout(`${target}\n`);
  return EXIT.ok;
}

const isInside = (path: string, folder: string): boolean => {
  const inside = relative(folder, path);
  return !inside.startsWith('..') && !isAbsolute(inside);
};
