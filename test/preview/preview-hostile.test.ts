// The preview on hostile trees and hostile saves: symbolic link loops in content/ do not stop it from
// listening or from stopping, and a saved file that makes the build throw shows as an error over the page
// instead of ending the server; fixing the file clears it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rename, symlink, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { tempProject, type TempProject } from '../helpers/project.js';
import { builtInBackground, rawGet, startPreviewCli, type RunningCli } from './helpers.js';

type Rebuilt = { event: string; version: number; editions: { slug: string; ok: boolean }[] };

/** Waits for a rebuild after `version` that built `slug`; returns its event. */
async function rebuiltAfter(cli: RunningCli, version: number, slug: string): Promise<Rebuilt> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const found = (cli.events as unknown as Rebuilt[]).find(
      (e) => e.event === 'rebuilt' && e.version > version && e.editions.some((r) => r.slug === slug),
    );
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no rebuild of ${slug} after version ${version}:\n${cli.stderr()}`);
}

const lastVersion = (cli: RunningCli) =>
  Math.max(
    0,
    ...(cli.events as unknown as Rebuilt[]).filter((e) => e.event === 'rebuilt').map((e) => e.version),
  );

/** Saves as editors do: a whole new file renamed over the old one, so no rebuild reads half of it. */
async function save(project: TempProject, path: string, text: string): Promise<void> {
  const temp = join(project.dir, dirname(path), `.saving-${Date.now()}`);
  await writeFile(temp, text);
  await rename(temp, join(project.dir, path));
}

/** SIGTERM (or the signal given), and how long until the process is gone. */
async function stopTimed(cli: RunningCli, signal?: NodeJS.Signals): Promise<{ code: number; ms: number }> {
  const started = performance.now();
  const code = await cli.stop(signal);
  return { code, ms: performance.now() - started };
}

describe('preview with symbolic link loops in content/', () => {
  let project: TempProject;
  let cli: RunningCli;

  beforeAll(async () => {
    project = await tempProject({ 'content/ed/01-a.md': '---\ntitle: Looped\n---\nA body.\n' });
    await symlink('..', join(project.dir, 'content/ed/up'));
    await symlink('b', join(project.dir, 'content/ed/a'));
    await symlink('a', join(project.dir, 'content/ed/b'));
    await symlink('/etc', join(project.dir, 'content/ed/etc'));
    cli = await startPreviewCli(project.dir, ['--port', '0']);
    await builtInBackground(cli, ['ed']);
  });
  afterAll(() => project?.remove());

  it('listens, serves the edition, rebuilds on a save, and stops on SIGTERM within a second', async () => {
    expect((await rawGet(cli.port, '/e/ed/email-light.html')).body).toContain('A body.');
    const before = lastVersion(cli);
    await save(project, 'content/ed/01-a.md', '---\ntitle: Looped\n---\nA second body.\n');
    expect((await rebuiltAfter(cli, before, 'ed')).editions[0]!.ok).toBe(true);
    expect((await rawGet(cli.port, '/e/ed/email-light.html')).body).toContain('A second body.');
    expect(cli.stderr()).not.toMatch(/ELOOP|at .*chokidar|Error:/);
    const { code, ms } = await stopTimed(cli);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(1000);
  });
});

describe('preview of a save that makes the build throw', () => {
  let project: TempProject;
  let cli: RunningCli;
  const nested = `${'<span>'.repeat(6000)}deepest${'</span>'.repeat(6000)}`;

  beforeAll(async () => {
    project = await tempProject({
      'content/a.md': '---\ntitle: Aye\n---\nFirst edition.\n',
      'content/b.md': '---\ntitle: Bee\n---\nSecond edition.\n',
    });
    cli = await startPreviewCli(project.dir, ['--port', '0', '--no-inbox']);
    await builtInBackground(cli, ['a', 'b']);
  });
  afterAll(async () => {
    await cli?.stop();
    await project?.remove();
  });

  it('keeps serving after 6000 nested <span>, and never shows the old build as if it were current', async () => {
    const before = lastVersion(cli);
    await save(project, 'content/a.md', `---\ntitle: Aye\n---\n${nested}\n`);
    const rebuilt = await rebuiltAfter(cli, before, 'a');
    const page = (await rawGet(cli.port, '/e/a/')).body;
    const email = (await rawGet(cli.port, '/e/a/email-light.html')).body;
    // either the build copes (the new text is shown) or it failed and says so over the last good build
    if (rebuilt.editions.find((e) => e.slug === 'a')!.ok) expect(email).toContain('deepest');
    else expect(page).toMatch(/id="build-error"[\s\S]*content\/a\.md/);
    expect((await rawGet(cli.port, '/e/b/email-light.html')).body).toContain('Second edition.');

    const broken = lastVersion(cli);
    await save(project, 'content/a.md', '---\ntitle: Aye\n---\nFirst edition, fixed.\n');
    expect((await rebuiltAfter(cli, broken, 'a')).editions[0]).toMatchObject({ ok: true });
    expect((await rawGet(cli.port, '/e/a/')).body).not.toContain('id="build-error"');
    expect((await rawGet(cli.port, '/e/a/email-light.html')).body).toContain('First edition, fixed.');
  });

  it('shows a self-referencing YAML alias as an error of its file, and clears it once fixed', async () => {
    let before = lastVersion(cli);
    await save(project, 'content/b.md', '---\ntitle: Bee\na: &a [*a]\n---\nSecond edition, looped.\n');
    expect((await rebuiltAfter(cli, before, 'b')).editions).toEqual([
      expect.objectContaining({ slug: 'b', ok: false }),
    ]);
    expect((await rawGet(cli.port, '/e/b/')).body).toMatch(/id="build-error"[\s\S]*content\/b\.md/);
    expect((await rawGet(cli.port, '/')).body).toMatch(/<tr class="failed" data-slug="b">/);

    before = lastVersion(cli);
    await save(project, 'content/b.md', '---\ntitle: Bee\n---\nSecond edition, fixed.\n');
    expect((await rebuiltAfter(cli, before, 'b')).editions[0]).toMatchObject({ ok: true });
    const page = (await rawGet(cli.port, '/e/b/')).body;
    expect(page).not.toContain('id="build-error"');
    expect((await rawGet(cli.port, '/e/b/email-light.html')).body).toContain('Second edition, fixed.');
  });
});

describe('preview stops on Ctrl-C within a second', () => {
  let project: TempProject;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    project = await tempProject({ 'content/a.md': '---\ntitle: Aye\n---\nFirst edition.\n' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await project?.remove();
  });

  it('with a page listening for reloads and a silent client on its inbox', async () => {
    const cli = await startPreviewCli(project.dir, ['--port', '0']);
    const page = connect(cli.port, '127.0.0.1');
    page.write(`GET /_preview/events HTTP/1.1\r\nHost: 127.0.0.1:${cli.port}\r\n\r\n`);
    const mail = connect(Number(new URL(cli.inbox!).port), '127.0.0.1');
    sockets.push(page, mail);
    for (const socket of sockets) socket.on('error', () => {});
    await Promise.all(sockets.map((s) => new Promise((resolve) => s.once('data', resolve))));
    const { code, ms } = await stopTimed(cli, 'SIGINT');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(1000);
    expect(cli.stderr()).toContain('Preview stopped.');
  });
});

describe('preview whose output folder cannot be written', () => {
  let project: TempProject;
  let cli: RunningCli;
  beforeAll(async () => {
    project = await tempProject({
      'content/a.md': '---\ntitle: Aye\n---\nFirst edition.\n',
      'not-a-folder': 'a file where out/ would be\n',
    });
    cli = await startPreviewCli(project.dir, ['--port', '0', '--out', 'not-a-folder']);
  });
  afterAll(async () => {
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it('serves without the local inbox and says why, on the index and as a problem event', async () => {
    expect(cli.inbox).toBeUndefined();
    const problem = {
      code: 'WRITE_FAILED',
      severity: 'warning',
      file: 'not-a-folder/.newsletter/inbox/server.json',
      message: 'cannot write not-a-folder/.newsletter/inbox/server.json: ENOTDIR',
    };
    expect(cli.events).toContainEqual({ event: 'problem', diagnostics: [expect.objectContaining(problem)] });
    const index = (await rawGet(cli.port, '/')).body;
    expect(index).toContain('WRITE_FAILED');
    expect(index).toContain('cannot write not-a-folder/.newsletter/inbox/server.json: ENOTDIR');
    expect((await rawGet(cli.port, '/e/a/email-light.html')).body).toContain('First edition.');
  });
});
