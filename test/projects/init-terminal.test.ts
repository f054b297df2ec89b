// `newsletter init` on a terminal: it asks for what the flags leave out, shows defaults, asks again after a
// bad answer, and writes what was answered. The CLI runs under a real pseudo-terminal made by util-linux's
// `script`; each answer is typed once its question is on the screen.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/project.js';
import { tempDir } from './identity.js';

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
const ENTER = '\r';
const DOWN = '\x1b[B';
const BACKSPACE = '\x7f';

/** Runs the CLI on a terminal; for each [text, keys], waits for text on the screen, then types keys. */
function converse(
  cwd: string,
  args: string[],
  steps: [string, string][],
): Promise<{ code: number; screen: string }> {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', NO_COLOR: '', TERM: 'xterm', COLUMNS: '120' },
    });
    let screen = '';
    let seen = 0; // where on the screen the next question is looked for
    const pending = [...steps];
    // a bound for a question that never comes, generous for a loaded machine: the test fails, never hangs
    const limit = setTimeout(() => {
      child.kill();
      reject(new Error(`no "${pending[0]?.[0]}" on the screen:\n${screen}`));
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      while (pending.length > 0) {
        const at = screen.indexOf(pending[0][0], seen);
        if (at < 0) break;
        seen = at + pending[0][0].length;
        child.stdin.write(pending.shift()![1]);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code: code ?? 1, screen });
    });
  });
}

describe('newsletter init on a terminal', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    temp = await tempDir();
  });
  afterAll(() => temp.remove());

  it('asks, checks each answer, and writes the project it was told', async () => {
    const { code, screen } = await converse(
      temp.dir,
      ['init', 'harbour', '--language', 'en-GB'],
      [
        ['Name of the newsletter', `Harbour Letter${ENTER}`],
        ['From, the sender', `Harbour${ENTER}`],
        [
          'must be exactly one mailbox',
          `${BACKSPACE.repeat(7)}Harbour Letter <letters@harbourletter.org>${ENTER}`,
        ],
        ['Web address', `https://harbourletter.org/letters${ENTER}`],
        ['Unsubscribe page', ENTER],
        ['Postal address', `1 Quay Street, Portree${ENTER}`],
        ['Starter layout', `${DOWN}${DOWN}${ENTER}`],
      ],
    );
    expect(screen).toContain('(Harbour)'); // the default, from the folder's name
    expect(screen).not.toContain('Language of the newsletter'); // given as a flag
    expect(code).toBe(0);
    const project = join(temp.dir, 'harbour');
    expect(JSON.parse(await readFile(join(project, 'newsletter.config.json'), 'utf8'))).toEqual({
      name: 'Harbour Letter',
      from: 'Harbour Letter <letters@harbourletter.org>',
      url: 'https://harbourletter.org/letters',
      postalAddress: '1 Quay Street, Portree',
      language: 'en-GB',
    });
    expect(await readFile(join(project, 'templates/default.mjml.hbs'), 'utf8')).toContain(
      'the links starter',
    );
    expect(await readFile(join(project, 'README.md'), 'utf8')).toContain(
      'Before the first send, add `unsubscribeUrl`',
    );
  });

  it('asks nothing with --yes', async () => {
    const { code, screen } = await converse(temp.dir, ['init', 'quiet', '--yes'], []);
    expect(code).toBe(0);
    expect(screen).not.toContain('Name of the newsletter');
    expect(existsSync(join(temp.dir, 'quiet/newsletter.config.json'))).toBe(true);
  });
});
