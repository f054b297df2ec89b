// `newsletter inbox` always stops when asked, within a second, even with a client connected that says
// nothing; and an output folder it cannot write to is an error naming the file, not a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempProject, type TempProject } from '../helpers/project.js';
import { NO_SMTP, runInbox } from './run-inbox.js';

/** A client that connects, reads the greeting, then stays silent (or stops halfway through DATA), and does
 *  not even close its side when the server hangs up. */
async function idleClient(port: number, say: string[] = []): Promise<Socket> {
  const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  for (const line of say) socket.write(`${line}\r\n`);
  return socket;
}

describe('newsletter inbox stops when asked', () => {
  let project: TempProject;
  const clients: Socket[] = [];
  beforeAll(async () => {
    project = await tempProject({ 'content/a.md': '---\ntitle: A\n---\nBody.\n' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await project.remove();
  });

  for (const [signal, say] of [
    ['SIGTERM', []],
    [
      'SIGINT',
      ['EHLO test', 'MAIL FROM:<a@example.org>', 'RCPT TO:<b@example.org>', 'DATA', 'Subject: half'],
    ],
  ] as const) {
    it(`on ${signal} within a second, with a client ${say.length ? 'stalled inside DATA' : 'connected and silent'}`, async () => {
      const inbox = await runInbox(project.dir);
      clients.push(await idleClient(inbox.port, [...say]));
      const started = performance.now();
      inbox.child.kill(signal);
      expect(await inbox.exited).toBe(0);
      expect(performance.now() - started).toBeLessThan(1000);
      // it closed in order: its server.json is gone
      await expect(readFile(join(project.dir, 'out/.newsletter/inbox/server.json'))).rejects.toMatchObject({
        code: 'ENOENT',
      });
    });
  }

  it('says which file it cannot write when out/ is not a folder, and exits', async () => {
    await project.write('not-a-folder', 'a file\n');
    const result = await project.run(['inbox', '--port', '0', '--out', 'not-a-folder'], { env: NO_SMTP });
    expect(result.stderr).toContain(
      'not-a-folder/.newsletter/inbox/server.json error WRITE_FAILED cannot write not-a-folder/.newsletter/inbox/server.json: ENOTDIR',
    );
    expect(result.code).toBe(1);
  });
});
