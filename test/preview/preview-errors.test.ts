// A preview started on a project whose templates do not compile: it starts anyway, the pages show the
// error with its file:line, and fixing the template builds the editions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { rawGet, startPreviewCli, type RunningCli } from './helpers.js';

const PARTIAL = 'templates/partials/footer.mjml.hbs';

/** Polls the index page until `accept` takes its HTML. */
async function indexUntil(cli: RunningCli, accept: (html: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  let body = '';
  while (Date.now() < deadline) {
    body = (await rawGet(cli.port, '/')).body;
    if (accept(body)) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}:\n${body}`);
}

describe('preview with a broken template', () => {
  let project: TempProject;
  let cli: RunningCli;
  let original: string;

  beforeAll(async () => {
    project = await tempProject({ 'content/hello.md': '---\ntitle: Hello\n---\nA short edition.\n' });
    original = await project.read(PARTIAL);
    await project.write(PARTIAL, `${original}\n{{#if broken}}\n`);
    cli = await startPreviewCli(project.dir, ['--port', '0', '--no-inbox']);
  });
  afterAll(async () => {
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it('starts, and shows the template error with its file:line on the index', async () => {
    const body = (await rawGet(cli.port, '/')).body;
    expect(body).toContain('id="build-error"');
    expect(body).toMatch(new RegExp(`${PARTIAL}:\\d+(:\\d+)? error TEMPLATE_SYNTAX`));
    const first = cli.events.find((e) => e.event === 'rebuilt') as { diagnostics: { code: string; file: string }[]; editions: unknown[] };
    expect(first.diagnostics).toEqual([expect.objectContaining({ code: 'TEMPLATE_SYNTAX', file: PARTIAL })]);
    expect(first.editions).toEqual([]);
  });

  it('builds the editions once the template is fixed', async () => {
    await project.write(PARTIAL, original);
    const body = await indexUntil(cli, (html) => html.includes('data-slug="hello"') && !html.includes('id="build-error"'), 'the fixed build');
    expect(body).toContain('<td class="subject">Hello</td>');
    expect((await rawGet(cli.port, '/e/hello/email-light.html')).body).toContain('A short edition.');
  });
});
