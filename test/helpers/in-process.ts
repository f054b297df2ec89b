// The built CLI's own main() (dist/bundle/cli.js, what bin/newsletter.js runs), called in this process: the
// same arguments, working folder, environment, output and exit code as a spawned `newsletter`, without
// starting Node and loading every library again for each command (most of a small build's time). For tests
// of what a command does; a test of the process itself (signals, kill -9, the launcher, stdin, a terminal)
// spawns it (project.ts, runCli).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, type RunResult } from './project.js';

const BUNDLE = pathToFileURL(join(REPO, 'dist/bundle/cli.js')).href;

interface Cli {
  main(
    argv: string[],
    io: { stdout(text: string): void; stderr(text: string): void; color: boolean; interactive: boolean },
  ): Promise<number>;
}

/** The working folder and the environment belong to the whole process: one command at a time. */
let queue: Promise<unknown> = Promise.resolve();

export function runInProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const turn = queue.then(() => runNow(args, cwd, env));
  queue = turn.catch(() => undefined);
  return turn;
}

async function runNow(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  const { main } = (await import(/* @vite-ignore */ BUNDLE)) as Cli;
  // what runCli gives a spawned CLI, over this process's environment, and given back afterwards
  const given: NodeJS.ProcessEnv = { NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600', ...env };
  const saved = Object.fromEntries(Object.keys(given).map((name) => [name, process.env[name]]));
  const setEnv = (values: NodeJS.ProcessEnv) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  const before = process.cwd();
  let stdout = '';
  let stderr = '';
  setEnv(given);
  process.chdir(cwd);
  try {
    const code = await main([process.execPath, join(REPO, 'bin/newsletter.js'), ...args], {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      color: false,
      interactive: false,
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(before);
    setEnv(saved);
  }
}
