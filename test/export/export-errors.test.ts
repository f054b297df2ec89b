// How `newsletter export` fails, through the real CLI: usage errors exit 2, failed checks exit 1 and write
// nothing for that platform.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

describe('export errors', () => {
  let project: TempProject;

  beforeAll(async () => {
    project = await tempProject({ 'content/note.txt': 'A note\n\nA dek\n\nOne paragraph of text.\n' });
  });
  afterAll(() => project.remove());

  it.each([
    [['export', 'note'], 'no platform given'],
    [['export', 'note', '--platform', 'mailchimp', '--all'], 'give --platform or --all, not both'],
    [['export', 'note', '--platform', 'nope'], 'unknown platform "nope"'],
    [['export', 'note', '--platform', 'kit', '--platform', 'nope'], 'unknown platform "nope"'],
  ])('%j is a usage error', async (args, message) => {
    const run = await project.runHere(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error EXPORT_PLATFORM ${message}`);
    expect(run.stderr).toContain('mailchimp, mailgun, postmark, sendgrid, ses');
  });

  it('refuses an edition that does not exist', async () => {
    const run = await project.runHere(['export', 'missing', '--platform', 'kit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error UNKNOWN_EDITION no edition "missing" in content');
  });

  it('fails, writing nothing, when the text part has no unsubscribe link for the platform to fill', async () => {
    const text = (await project.read('templates/default.txt.hbs')).replace(
      /^.*\{\{unsubscribe_url\}\}.*$/m,
      '',
    );
    await project.write('templates/default.txt.hbs', text);
    const run = await project.runHere(['export', 'note', '--platform', 'postmark']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'out/note/export/postmark/index.txt error EXPORT_REQUIRED_TAG Postmark requires {{{ pm:unsubscribe }}} in the plain text',
    );
    expect(run.stderr).toContain('✗ postmark failed its checks; nothing written for it');
    expect(run.stdout).toBe('');
    await expect(access(join(project.dir, 'out/note/export/postmark'))).rejects.toThrow(/ENOENT/);
  });

  it('fails when the edition does not build', async () => {
    await project.write('content/note.txt', '---\ntitle: [oops\n---\nBody.\n');
    const run = await project.runHere(['export', 'note', '--platform', 'kit']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/content\/note\.txt:\d+:\d+ error FRONT_MATTER_YAML/);
  });
});
