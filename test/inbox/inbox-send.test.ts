// `newsletter inbox` as a user runs it (the built CLI, in its own process) and `newsletter send` with no SMTP
// settings delivering to it; the store then lists and reads what arrived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listMessages, readMessage } from '../../src/inbox/store.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { NO_SMTP, runInbox } from './run-inbox.js';

describe('newsletter send with no SMTP settings, to a running newsletter inbox', () => {
  let project: TempProject;
  let inbox: Awaited<ReturnType<typeof runInbox>>;

  beforeAll(async () => {
    project = await tempProject();
    inbox = await runInbox(project.dir);
  });
  afterAll(async () => {
    if (inbox.child.exitCode === null) inbox.child.kill('SIGTERM');
    await project.remove();
  });

  it('records where it listens in out/.newsletter/inbox/server.json', async () => {
    expect(JSON.parse(await project.read('out/.newsletter/inbox/server.json'))).toEqual({
      port: inbox.port,
      pid: inbox.child.pid,
    });
  });

  it('delivers there, says so, and the inbox keeps the message as sent', async () => {
    const result = await project.runHere(['send', 'kursk-talks', '--to', 'Ann <ann@example.org>'], {
      env: NO_SMTP,
    });
    expect(result.stderr).toContain(
      `No SMTP settings: sending to the local inbox at 127.0.0.1:${inbox.port}`,
    );
    expect(result.code).toBe(0);

    const outDir = join(project.dir, 'out');
    const [summary] = await listMessages(outDir);
    expect(summary).toMatchObject({
      to: '"Ann" <ann@example.org>',
      from: '"Field Notes" <editor@fieldnotes.example.com>',
    });
    expect(summary!.subject).toMatch(/^\[TEST\] Russia Says Talks/);
    const message = await readMessage(outDir, summary!.id);
    // as built, with Ann's own unsubscribe URL (the default one names {{email}})
    const own = (page: string) => page.replaceAll('/unsubscribe?e=', '/unsubscribe?e=ann%40example.org');
    expect(message!.html).toBe(own(await project.read('out/kursk-talks/index.html')));
    expect(message!.text).toBe(own(await project.read('out/kursk-talks/index.txt')));
    expect(inbox.events).toContainEqual(
      expect.objectContaining({ event: 'message', id: summary!.id, to: ['ann@example.org'] }),
    );
  });

  it('stops on SIGTERM with exit 0 and removes server.json; send then says none is running', async () => {
    inbox.child.kill('SIGTERM');
    expect(await inbox.exited).toBe(0);
    await expect(readFile(join(project.dir, 'out/.newsletter/inbox/server.json'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    const result = await project.runHere(['send', 'kursk-talks', '--to', 'ann@example.org'], {
      env: NO_SMTP,
    });
    expect(result.stderr).toContain('SMTP_NOT_CONFIGURED no SMTP settings, and no local inbox is running');
    expect(result.code).toBe(2);
  });

  it('tells a server.json left by a process that has ended from a running inbox', async () => {
    await project.write(
      'out/.newsletter/inbox/server.json',
      JSON.stringify({ port: inbox.port, pid: 2 ** 22 + 7 }),
    );
    const result = await project.runHere(['send', 'kursk-talks', '--to', 'ann@example.org'], {
      env: NO_SMTP,
    });
    expect(result.stderr).toContain('left by a process that has ended');
    expect(result.code).toBe(2);
  });

  it('stops with exit 0 once the reader of its output has gone, at the next line it writes', async () => {
    const piped = await runInbox(project.dir);
    try {
      piped.child.stdout!.destroy(); // as `newsletter inbox --json | head -1` after its line
      const result = await project.runHere(['send', 'kursk-talks', '--to', 'ann@example.org'], {
        env: NO_SMTP,
      });
      expect(result.code).toBe(0);
      expect(await piped.exited).toBe(0);
    } finally {
      if (piped.child.exitCode === null) piped.child.kill('SIGKILL');
    }
  });

  it('exits 2 when its port is taken', async () => {
    const first = await runInbox(project.dir);
    try {
      const second = await project.runHere(['inbox', '--port', String(first.port)], { env: NO_SMTP });
      expect(second.stderr).toContain(`INBOX_LISTEN cannot listen on 127.0.0.1:${first.port}`);
      expect(second.code).toBe(2);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });
});
