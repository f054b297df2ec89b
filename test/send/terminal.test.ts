// `send` on a terminal: the confirmation above 25 recipients, per-recipient progress and colour. The CLI
// runs under a real pseudo-terminal made by util-linux's `script`, which passes our stdin to it as typed
// input; both output streams come back through the terminal.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, tempProject, type TempProject } from '../helpers/project.js';
import { smtpEnv, startTestServer, type TestServer } from './smtp-server.js';

const SLUG = 'kursk-talks';
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Runs the CLI on a terminal, typing `input`; resolves with what the terminal showed and the exit code. */
function onTerminal(
  project: TempProject,
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; screen: string }> {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: project.dir,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', ...env, NO_COLOR: '', TERM: 'xterm' },
    });
    let screen = '';
    child.stdout.on('data', (chunk) => (screen += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, screen: screen.replace(/\r\n/g, '\n') }));
    child.stdin.end(input);
  });
}

describe('send on a terminal', () => {
  let project: TempProject;
  let server: TestServer;
  beforeAll(async () => {
    project = await tempProject();
    await project.write(
      'thirty.csv',
      ['email', ...Array.from({ length: 30 }, (_, i) => `reader${i + 1}@example.org`)].join('\n'),
    );
    await project.write('two.csv', 'email\nann@example.org\nbob@example.org\n');
    server = await startTestServer();
    expect((await project.run(['build'])).code).toBe(0);
  });
  afterAll(async () => {
    await server.close();
    await project.remove();
  });

  it('asks before a send to more than 25, and goes on when told yes', async () => {
    const { code, screen } = await onTerminal(
      project,
      ['send', SLUG, '--recipients', 'thirty.csv', '--dry-run'],
      'y\n',
    );
    expect(screen).toContain('Send 30 test messages? [y/N]');
    expect(code).toBe(0);
    expect(await readdir(join(project.dir, `out/.newsletter/outbox/${SLUG}`))).toHaveLength(30);
  });

  it('sends nothing when told no, and says so in colour', async () => {
    const { code, screen } = await onTerminal(
      project,
      ['send', SLUG, '--recipients', 'thirty.csv'],
      'n\n',
      smtpEnv(server.port),
    );
    expect(code).toBe(2);
    expect(screen).toContain('\x1b[31merror\x1b[0m');
    expect(screen).toContain('TOO_MANY_RECIPIENTS');
    expect(server.received).toHaveLength(0);
  });

  it('shows each recipient as it goes, and marks the results in colour', async () => {
    const { code, screen } = await onTerminal(
      project,
      ['send', SLUG, '--recipients', 'two.csv'],
      '',
      smtpEnv(server.port),
    );
    expect(code).toBe(0);
    expect(screen).toContain('[1/2] sending to ann@example.org…');
    expect(screen).toContain('[2/2] sending to bob@example.org…');
    expect(screen).toMatch(/\x1b\[32m✓\x1b\[0m ann@example\.org/);
    expect(server.received.map((r) => r.envelope.to)).toEqual([['ann@example.org'], ['bob@example.org']]);
  });
});
