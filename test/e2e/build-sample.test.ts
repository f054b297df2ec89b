import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { CLI, tempProject, type RunResult, type TempProject } from '../helpers/project.js';

describe('newsletter build on the sample content', () => {
  let project: TempProject;
  let result: RunResult;

  beforeAll(async () => {
    project = await tempProject();
    result = await project.runHere(['build']);
  });
  afterAll(() => project.remove());

  it('exits 0 and reports each edition', () => {
    expect(result.stderr).toContain('kursk-talks');
    expect(result.code).toBe(0);
  });

  it('writes the four files of every edition', async () => {
    for (const slug of ['kursk-talks', '2026-11-field-notes']) {
      expect((await readdir(join(project.dir, 'out', slug))).sort()).toEqual([
        'index.html',
        'index.txt',
        'manifest.json',
        'message.eml',
      ]);
    }
  });

  it('keeps the seed article text intact, byline and bio out of the body', async () => {
    const text = await project.read('out/kursk-talks/index.txt');
    expect(text).toContain('Russia’s Kursk Oblast');
    expect(text).toContain('By Dave DeCamp');
    expect(text).not.toContain('Author: Dave DeCamp');
    const html = await project.read('out/kursk-talks/index.html');
    expect(html).toContain(
      '<title>Russia Says Talks With Ukraine Are Impossible After Kursk Offensive</title>',
    );
    expect(html).toContain('lang="en"');
  });

  it('prints data as JSON on stdout with --json, messages on stderr', async () => {
    const json = await project.runHere(['build', 'kursk-talks', '--json']);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(data.ok).toBe(true);
    expect(data.editions).toHaveLength(1);
    expect(data.editions[0]).toMatchObject({ slug: 'kursk-talks', ok: true });
    expect(data.editions[0].files).toEqual(
      expect.arrayContaining(['kursk-talks/index.html', 'kursk-talks/message.eml']),
    );
  });

  it('records subject, preheader, sizes and diagnostics in the manifest', async () => {
    const manifest = JSON.parse(await project.read('out/2026-11-field-notes/manifest.json'));
    expect(manifest).toMatchObject({ slug: '2026-11-field-notes', date: '2026-11-20', diagnostics: [] });
    expect(manifest.subject.length).toBeGreaterThan(5);
    expect(manifest.files['index.html'].bytes).toBeLessThan(102_000);
  });

  it('stops writing, without an error, when its reader goes away (newsletter --help | head -1)', async () => {
    const child = spawn(process.execPath, [CLI, '--help'], {
      cwd: project.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before the CLI has written anything
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('explains itself with --help', async () => {
    const help = await project.runHere(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--content <dir>');
  });
});
