// MJML costs about a third of a second to load: commands that compile nothing must not load it. Node's
// module debug log (NODE_DEBUG=module) lists every CommonJS module a run loads, MJML's among them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

// MJML itself, not the parser and juice that the skeleton compile takes from its dependencies
// (its parser and juice are asked for in mjml-core's name, so the log names mjml-core as their parent)
const loadsMjml = (stderr: string) => /load "[^"]*node_modules\/mjml(-core)?\/lib\/index\.js"/.test(stderr);

describe('heavy modules load only when needed', () => {
  let project: TempProject;
  const run = (args: string[]) => project.run(args, { env: { NODE_DEBUG: 'module' } });

  beforeAll(async () => {
    project = await tempProject();
  });
  afterAll(() => project.remove());

  it('a build that compiles loads MJML (the log does show it)', async () => {
    const result = await run(['build']);
    expect(result.code).toBe(0);
    expect(loadsMjml(result.stderr)).toBe(true);
  });

  it('--help does not load MJML', async () => {
    for (const args of [['--help'], ['build', '--help']]) {
      const result = await run(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: newsletter');
      expect(loadsMjml(result.stderr)).toBe(false);
    }
  });

  it('a build where nothing changed does not load MJML', async () => {
    const result = await run(['build']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('2 unchanged');
    expect(loadsMjml(result.stderr)).toBe(false);
  });

  it('a rebuild after an article edit, its compiled skeleton on disk, does not load MJML', async () => {
    await project.write(
      'content/kursk-talks.txt',
      `${await project.read('content/kursk-talks.txt')}\nOne more paragraph, written later.\n`,
    );
    const result = await run(['build']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Built 1 of 2 editions');
    expect(result.stderr).toMatch(/load "[^"]*node_modules\/juice\//); // the edition was compiled: juice inlined its CSS
    expect(loadsMjml(result.stderr)).toBe(false);
  });

  it('send --dry-run and export of a built edition do not load MJML', async () => {
    for (const args of [
      ['send', 'kursk-talks', '--dry-run', '--to', 'reader@example.com'],
      ['export', 'kursk-talks', '--platform', 'mailchimp'],
    ]) {
      const result = await run(args);
      expect(
        result.code,
        result.stderr
          .split('\n')
          .filter((l) => !l.startsWith('MODULE'))
          .join('\n'),
      ).toBe(0);
      expect(loadsMjml(result.stderr)).toBe(false);
    }
  });
});
