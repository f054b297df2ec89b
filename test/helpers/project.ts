// Test projects: a temporary copy of the project's templates with the content a test gives, and a way to
// run the real built CLI in it. Tests own their fixtures (test/fixtures/sample/ is a copy of the sample
// newsletter): nothing here reads the repository's content/ or its config, which a writer may replace.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const CLI = join(REPO, 'bin/newsletter.js');
/** The sample newsletter as the tests know it: its content and its config (the Field Notes identity). */
export const SAMPLE = join(REPO, 'test/fixtures/sample');

export interface TempProject {
  dir: string;
  write(path: string, content: string | Uint8Array): Promise<void>;
  read(path: string): Promise<string>;
  run(args: string[], options?: { env?: NodeJS.ProcessEnv; input?: string }): Promise<RunResult>;
  /** The same command, in this process (in-process.ts): for tests of what it does, not of the process. */
  runHere(args: string[], options?: { env?: NodeJS.ProcessEnv }): Promise<RunResult>;
  remove(): Promise<void>;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A project folder with the package's templates, the sample's config (its identity) and, unless `content` is
 * given, the sample's content. A test that writes its own newsletter.config.json replaces the identity.
 */
export async function tempProject(content?: Record<string, string | Uint8Array>): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), 'newsletter-test-'));
  await cp(join(REPO, 'starters', 'digest'), join(dir, 'templates'), { recursive: true });
  await cp(join(SAMPLE, 'newsletter.config.json'), join(dir, 'newsletter.config.json'));
  if (content) {
    await mkdir(join(dir, 'content'), { recursive: true });
  } else {
    await cp(join(SAMPLE, 'content'), join(dir, 'content'), { recursive: true });
  }
  const project: TempProject = {
    dir,
    async write(path, data) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), data);
    },
    read: (path) => readFile(join(dir, path), 'utf8'),
    run: (args, options) => runCli(args, dir, options?.env),
    runHere: async (args, options) => (await import('./in-process.js')).runInProcess(args, dir, options?.env),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  for (const [path, data] of Object.entries(content ?? {})) await project.write(path, data);
  return project;
}

/** Adds a fixture's editions (test/fixtures/build/<name>/content/) to the project's content. */
export const addFixtureContent = (project: TempProject, name: 'features' | 'i18n'): Promise<void> =>
  cp(join(REPO, 'test/fixtures/build', name, 'content'), join(project.dir, 'content'), { recursive: true });

/** Replaces the project's templates with one of the starters (starters/<name>/). */
export async function useStarter(project: TempProject, starter: string): Promise<void> {
  await rm(join(project.dir, 'templates'), { recursive: true });
  await cp(join(REPO, 'starters', starter), join(project.dir, 'templates'), { recursive: true });
}

export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd,
        env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}
