// A preview started on a project whose templates do not compile: it starts anyway, the pages show the
// error with its file:line, and fixing the template builds the editions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { rawGet, startPreviewCli, type RunningCli } from './helpers.js';
import { pollUntil } from '../helpers/wait.js';

const PARTIAL = 'templates/partials/footer.mjml.hbs';

/** Polls the index page until `accept` takes its HTML. */
function indexUntil(cli: RunningCli, accept: (html: string) => boolean, what: string): Promise<string> {
  return pollUntil(async () => (await rawGet(cli.port, '/')).body, accept, what);
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
    const first = cli.events.find((e) => e.event === 'rebuilt') as {
      diagnostics: { code: string; file: string }[];
      editions: unknown[];
    };
    expect(first.diagnostics).toEqual([expect.objectContaining({ code: 'TEMPLATE_SYNTAX', file: PARTIAL })]);
    expect(first.editions).toEqual([]);
  });

  it('builds the editions once the template is fixed', async () => {
    await project.write(PARTIAL, original);
    const body = await indexUntil(
      cli,
      (html) => html.includes('data-slug="hello"') && !html.includes('id="build-error"'),
      'the fixed build',
    );
    expect(body).toContain('<td class="subject">Hello</td>');
    expect((await rawGet(cli.port, '/e/hello/email-light.html')).body).toContain('A short edition.');
  });
});

describe('preview of an edition over Gmail’s clipping size', () => {
  let project: TempProject;
  let cli: RunningCli;

  beforeAll(async () => {
    const paragraphs = Array.from(
      { length: 1500 },
      (_, i) => `Paragraph ${i + 1} of a very long letter, written to weigh more than Gmail shows.`,
    ).join('\n\n');
    project = await tempProject({
      'content/long-letter.md': `---\ntitle: A long letter\n---\n${paragraphs}\n`,
    });
    cli = await startPreviewCli(project.dir, ['--port', '0', '--no-inbox']);
  });
  afterAll(async () => {
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it('counts the error on the index and still shows the email under the overlay', async () => {
    // the preview listens first and builds in the background: the row is "building" until then
    const index = await indexUntil(cli, (html) => !html.includes('class="building"'), 'the edition built');
    expect(index).toMatch(
      /<tr class="failed" data-slug="long-letter">[\s\S]*?<span class="error">[1-9]\d* errors?<\/span>/,
    );
    expect(index).toMatch(/<meter [^>]*max="102000"[^>]*value="1\d{5}"/);
    const page = (await rawGet(cli.port, '/e/long-letter/')).body;
    expect(page).toMatch(/id="build-error"[\s\S]*SIZE_CLIPPED/);
    expect(page).toContain('<iframe id="email"');
    // no preheader: the inbox line shows the first words a reader sees, as inboxes do
    expect(page).toMatch(/<span class="snippet">— [^<]*A long letter[^<]*Paragraph 1 of a very long letter/);
    expect((await rawGet(cli.port, '/e/long-letter/email-light.html')).body).toContain(
      'Paragraph 1500 of a very long letter',
    );
  });
});
