// `newsletter inbox --port 0 --json` as a user runs it: the built CLI in its own process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CLI } from '../helpers/project.js';
import { smtpEnv } from '../send/smtp-server.js';

export const NO_SMTP = smtpEnv(0, { SMTP_URL: '' });

/** Starts `newsletter inbox --port 0 --json` and waits for the line that says where it listens. */
export async function runInbox(
  cwd: string,
  args: string[] = [],
): Promise<{
  child: ChildProcess;
  port: number;
  events: Record<string, unknown>[];
  exited: Promise<number | null>;
}> {
  const child = spawn(process.execPath, [CLI, 'inbox', '--port', '0', '--json', ...args], {
    cwd,
    env: { ...process.env, ...NO_SMTP },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const events: Record<string, unknown>[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    child.on('exit', () => reject(new Error('inbox exited before listening')));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = JSON.parse(line) as Record<string, unknown>;
      events.push(event);
      if (event.event === 'listening') resolve(event.port as number);
    });
  });
  return { child, port, events, exited };
}
