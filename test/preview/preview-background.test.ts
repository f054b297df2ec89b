// The preview listens before it builds: the index lists every edition at once (what `build` kept of them
// where it is current, "building" for the rest), an edition a page asks for is built ahead of the others,
// and the others appear as they finish. The real CLI, raw HTTP, bounded polls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { pollUntil } from '../helpers/wait.js';
import { rawGet, startPreviewCli, type RunningCli } from './helpers.js';

const COUNT = 60;
const slug = (i: number) => `issue-${String(i).padStart(3, '0')}`;
const article = (i: number) =>
  `---\ntitle: Edition number ${i}\n---\n${Array.from({ length: 12 }, (_, p) => `Paragraph ${p + 1} of edition ${i}, long enough to be a paragraph a reader would see.`).join('\n\n')}\n`;

type RebuiltEvent = { event: 'rebuilt'; version: number; editions: { slug: string; ok: boolean }[] };
/** The editions the preview reported built, in the order it reported them. */
const reported = (cli: RunningCli) =>
  (cli.events as RebuiltEvent[])
    .filter((e) => e.event === 'rebuilt')
    .flatMap((e) => e.editions.map((r) => r.slug));

describe('preview of an archive, built in the background', () => {
  let project: TempProject;
  let cli: RunningCli;

  beforeAll(async () => {
    project = await tempProject(
      Object.fromEntries(Array.from({ length: COUNT }, (_, i) => [`content/${slug(i)}.md`, article(i)])),
    );
    cli = await startPreviewCli(project.dir, ['--port', '0', '--no-inbox']);
  });
  afterAll(async () => {
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it('listens before building, serves the edition asked for ahead of the rest, and lists the others as they finish', async () => {
    // it said it listens while no edition had been built yet: only the project was loaded
    const listening = cli.events.findIndex((e) => e.event === 'listening');
    expect(cli.events.slice(0, listening).filter((e) => e.event === 'rebuilt')).toEqual([
      expect.objectContaining({ version: 1, editions: [] }),
    ]);

    // the last edition in the project's order, asked for at once, is served built
    const last = slug(COUNT - 1);
    const page = await rawGet(cli.port, `/e/${last}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<iframe id="email"');
    expect((await rawGet(cli.port, `/e/${last}/email-light.html`)).body).toContain(
      'Paragraph 1 of edition 59',
    );

    // the index lists every edition from the start; the rest fill in as they finish, each reported once
    const first = (await rawGet(cli.port, '/')).body;
    expect(first.match(/<tr class="[a-z]+" data-slug=/g)).toHaveLength(COUNT);
    const done = await pollUntil(
      async () => (await rawGet(cli.port, '/')).body,
      (html) => !html.includes('class="building"'),
      'every edition built',
    );
    expect(done.match(/<tr class="ok" data-slug=/g)).toHaveLength(COUNT);
    expect(done).toContain('<td class="subject">Edition number 17</td>');
    const order = await pollUntil(
      () => reported(cli),
      (slugs) => slugs.length === COUNT,
      'every edition reported',
    );
    expect(new Set(order).size).toBe(COUNT);
    // the one asked for came ahead of the background's own order, which would have built it last
    expect(order.indexOf(last)).toBeLessThan(COUNT - 1);
  });
});

describe('preview of an archive that build has already built', () => {
  let project: TempProject;
  let cli: RunningCli;

  beforeAll(async () => {
    project = await tempProject(
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`content/${slug(i)}.md`, article(i)])),
    );
    expect((await project.run(['build'])).code).toBe(0);
    // one edition changed since: what build kept of it is no longer current
    await project.write(`content/${slug(3)}.md`, article(3).replace('Edition number 3', 'Changed title'));
    cli = await startPreviewCli(project.dir, ['--port', '0', '--no-inbox']);
  });
  afterAll(async () => {
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it('shows what build kept of each current edition, never of a changed one', async () => {
    const index = (await rawGet(cli.port, '/')).body;
    const row = (i: number) =>
      new RegExp(`<tr class="[a-z]+" data-slug="${slug(i)}">[\\s\\S]*?</tr>`).exec(index)![0];
    // built by now or not, every current edition's row has its subject, size and problems
    for (const i of [0, 5, 11]) {
      expect(row(i)).toContain(`<td class="subject">Edition number ${i}</td>`);
      expect(row(i)).toMatch(/KB of 102\.0 KB/);
      expect(row(i)).toContain('0 errors');
    }
    // the changed one never shows its old subject: building (with nothing kept), or built afresh
    expect(row(3)).not.toContain('Edition number 3');
    const built = await pollUntil(
      async () => (await rawGet(cli.port, '/')).body,
      (html) => !html.includes('class="building"'),
      'every edition built',
    );
    expect(built).toContain('<td class="subject">Changed title</td>');
  });
});
