// What the preview server refuses: foreign Host headers, traversal in every spelling, symlinks out of an
// edition folder, methods other than GET/HEAD; and what it promises about ports. Against the real CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { tempProject, type TempProject } from '../helpers/project.js';
import { rawGet, runPreviewCliToExit, startPreviewCli, type RunningCli } from './helpers.js';

const SLUG = '2026-11-field-notes';
// 1×1 transparent PNG
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('preview server safety', () => {
  let project: TempProject;
  let cli: RunningCli;

  beforeAll(async () => {
    project = await tempProject();
    await project.write('secret.txt', 'do not serve me');
    await project.write(`content/${SLUG}/images/pixel.png`, PIXEL);
    await symlink(join(project.dir, 'secret.txt'), join(project.dir, 'content', SLUG, 'images', 'leak.png'));
    cli = await startPreviewCli(project.dir, ['--port', '0', '--no-inbox']);
  });
  afterAll(async () => {
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it('serves pages with a strict Content-Security-Policy, and the email with scripts sandboxed away', async () => {
    const page = await rawGet(cli.port, `/e/${SLUG}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toMatch(/<iframe id="email"[^>]*sandbox="allow-same-origin"/);
    const email = await rawGet(cli.port, `/e/${SLUG}/email-light.html`);
    expect(email.status).toBe(200);
    expect(email.headers['content-security-policy']).toMatch(/sandbox allow-same-origin$/);
    expect(email.headers['content-security-policy']).not.toContain('script-src');
  });

  it('answers only Host 127.0.0.1 or localhost (DNS rebinding)', async () => {
    expect((await rawGet(cli.port, '/', `localhost:${cli.port}`)).status).toBe(200);
    expect((await rawGet(cli.port, '/', `127.0.0.1:${cli.port}`)).status).toBe(200);
    expect((await rawGet(cli.port, '/', `attacker.example:${cli.port}`)).status).toBe(403);
    expect((await rawGet(cli.port, '/', 'localhost.attacker.example')).status).toBe(403);
    expect((await rawGet(cli.port, '/', '')).status).toBe(403);
    expect((await rawGet(cli.port, '/', null)).status).toBe(400); // Node itself refuses HTTP/1.1 without Host
  });

  it('serves media from the edition folder but nothing above it, however the path is spelled', async () => {
    const ok = await rawGet(cli.port, `/e/${SLUG}/images/pixel.png`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    const attempts = [
      `/e/${SLUG}/../../secret.txt`,
      `/e/${SLUG}/images/../../../secret.txt`,
      `/e/${SLUG}/%2e%2e/%2e%2e/secret.txt`,
      `/e/${SLUG}/%2E%2E%2F%2E%2E%2Fsecret.txt`,
      `/e/${SLUG}/..%2f..%2fsecret.txt`,
      `/e/${SLUG}/..%252f..%252fsecret.txt`,
      `/e/${SLUG}/%252e%252e/%252e%252e/secret.txt`,
      `/e/${SLUG}/..\\..\\secret.txt`,
      `/e/${SLUG}/..%5c..%5csecret.txt`,
      `/e/${SLUG}/images/pixel.png%00.txt`,
      `/e/${SLUG}/images/pixel.png\0`,
      `/e/..%2f..%2fsecret.txt/`,
      `/e/${SLUG}/01-one-click-unsubscribe.md`,
      `/e/${SLUG}/edition.md`,
      '/newsletter.config.json',
      '/out/kursk-talks/index.html',
      '/%2e%2e/secret.txt',
    ];
    for (const path of attempts) {
      const response = await rawGet(cli.port, path);
      expect([400, 403, 404], path).toContain(response.status);
      expect(response.body, path).not.toContain('do not serve me');
    }
    const link = await rawGet(cli.port, `/e/${SLUG}/images/leak.png`);
    expect(link.status).toBe(403);
    expect(link.body).not.toContain('do not serve me');
  });

  it('answers only GET and HEAD', async () => {
    expect((await rawGet(cli.port, '/', undefined, 'POST')).status).toBe(405);
    const head = await rawGet(cli.port, '/', undefined, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('exits 2 when the port asked for is taken', async () => {
    const result = await runPreviewCliToExit(project.dir, ['--port', String(cli.port), '--no-inbox']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT_IN_USE');
    expect(result.stderr).toContain(`port ${cli.port} is in use`);
  });

  it('moves from the default port to the next free one', async () => {
    // hold 4000 (if nothing else does already): the preview must not fail for it
    const holder: Server = createServer();
    await new Promise<void>((resolve) =>
      holder.once('error', () => resolve()).listen(4000, '127.0.0.1', () => resolve()),
    );
    const other = await startPreviewCli(project.dir, ['--no-inbox']);
    try {
      expect(other.port).toBeGreaterThan(4000);
      expect((await rawGet(other.port, '/')).status).toBe(200);
    } finally {
      expect(await other.stop()).toBe(0);
      holder.close();
    }
  });

  it('exits 2 on a bad --port and on a project it cannot read', async () => {
    expect((await runPreviewCliToExit(project.dir, ['--port', 'http'])).code).toBe(2);
    const missing = await runPreviewCliToExit(project.dir, [
      '--port',
      '0',
      '--no-inbox',
      '--content',
      'nowhere',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('FILE_READ');
  });
});
