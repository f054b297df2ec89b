// `newsletter check` end to end: the built CLI on temporary projects.
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { withIdentity } from '../helpers/sample-config.js';

let project: TempProject;
afterEach(() => project?.remove());

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
const article = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ndek: A line that says what the piece adds to the edition\n${extra}---\n${body}\n`;
const PARAGRAPH =
  'A paragraph of ordinary prose that says something to the reader about the weight of an email. ';

describe('newsletter check on the sample content', () => {
  it('passes --strict cleanly, writes nothing, and reports each edition', async () => {
    project = await tempProject();
    const result = await project.runHere(['check', '--strict']);
    expect(result.stderr).toContain('✓ 2026-11-field-notes: no problems');
    expect(result.stderr).toContain('✓ kursk-talks: no problems');
    expect(result.stderr).toMatch(/Checked 2 editions in [\d.]+s: 0 errors, 0 warnings/);
    expect(result.code).toBe(0);
    expect(await exists(join(project.dir, 'out'))).toBe(false);
  });

  it('prints the same as data with --json, and writes the editions with --out', async () => {
    project = await tempProject();
    const result = await project.runHere(['check', 'kursk-talks', '--json', '--out', 'public']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      strict: false,
      errors: 0,
      warnings: 0,
      diagnostics: [],
      editions: [{ slug: 'kursk-talks', ok: true, diagnostics: [] }],
    });
    expect((await readdir(join(project.dir, 'public/kursk-talks'))).sort()).toEqual([
      'index.html',
      'index.txt',
      'manifest.json',
      'message.eml',
    ]);
  });
});

describe('newsletter check on problems', () => {
  it('reports an MJML error in a partial with its file and line', async () => {
    project = await tempProject();
    const footer = await project.read('templates/partials/footer.mjml.hbs');
    await project.write(
      'templates/partials/footer.mjml.hbs',
      footer.replace('<mj-divider ', '<mj-divider border-colour="red" '),
    );
    const result = await project.runHere(['check', 'kursk-talks']);
    expect(result.stderr).toContain(
      'templates/partials/footer.mjml.hbs:3 error MJML_ERROR Attribute border-colour is illegal',
    );
    expect(result.stderr).toContain('✗ kursk-talks: 1 error, 0 warnings');
    expect(result.code).toBe(1);
  });

  it('fails an edition over 102,000 bytes, naming the heaviest article', async () => {
    project = await tempProject({
      'content/big/01-short.md': article('A short piece', PARAGRAPH),
      'content/big/02-long.md': article(
        'A very long piece',
        Array.from({ length: 300 }, () => PARAGRAPH.repeat(4)).join('\n\n'),
      ),
      'content/big/edition.md':
        '---\nsubject: A big edition\npreheader: Everything at once, at length\n---\n',
    });
    const result = await project.runHere(['check', '--json']);
    expect(result.code).toBe(1);
    const [edition] = JSON.parse(result.stdout).editions;
    const size = edition.diagnostics.find((d: { code: string }) => d.code === 'SIZE_CLIPPED');
    expect(size).toMatchObject({ severity: 'error', file: 'content/big/02-long.md' });
    expect(size.hint).toMatch(
      /^articles \d+ KB, of which content\/big\/02-long\.md \d+ KB, content\/big\/01-short\.md \d+ KB; template and styles \d+ KB$/,
    );
    expect(edition.diagnostics.map((d: { code: string }) => d.code)).toContain('UNSUBSCRIBE_CLIPPED');
  });

  it('shows warnings with file:line:column and a hint; --strict makes them errors', async () => {
    project = await tempProject({
      'content/links.md': article(
        'Links',
        `${PARAGRAPH}\n\nSee [the old page](http://example.org/old) for more.`,
      ),
    });
    const relaxed = await project.runHere(['check']);
    expect(relaxed.stderr).toContain(
      'content/links.md:7:20 warning LINK_INSECURE link "the old page" uses http: http://example.org/old\n    hint: use https:',
    );
    expect(relaxed.stderr).toMatch(/Checked 1 edition in [\d.]+s: 0 errors, 1 warning\n/);
    expect(relaxed.code).toBe(0);
    const strict = await project.runHere(['check', '--strict']);
    expect(strict.stderr).toContain('content/links.md:7:20 error LINK_INSECURE');
    expect(strict.code).toBe(1);
  });

  it('runs the check-only rules that build leaves out; build records the cheap ones in manifest.json', async () => {
    project = await tempProject({
      'content/vague.md': article(
        'Vague',
        `${PARAGRAPH}\n\n[Click here](https://example.org/guide). Also [this](http://example.org/x).`,
      ),
    });
    const built = await project.runHere(['build']);
    expect(built.code).toBe(0);
    const manifest = JSON.parse(await project.read('out/vague/manifest.json'));
    expect(manifest.diagnostics.map((d: { code: string }) => d.code)).toEqual(['LINK_INSECURE']);
    const checked = await project.runHere(['check']);
    expect(checked.stderr).toContain(
      'warning A11Y_LINK_TEXT link text "Click here" says nothing out of context',
    );
    expect(checked.stderr).toContain('warning LINK_INSECURE');
  });

  it('points a contrast failure at the config line that set the colour', async () => {
    project = await tempProject({
      'content/a.md': article('A', PARAGRAPH),
      'newsletter.config.json': withIdentity('{\n  "colors": { "muted": "#AAAAAA" }\n}\n'),
    });
    expect((await project.runHere(['build'])).code).toBe(0); // contrast is a check-only rule
    const result = await project.runHere(['check']);
    expect(result.stderr).toMatch(
      /newsletter\.config\.json:2:25 error A11Y_CONTRAST text #aaaaaa on #ffffff has a contrast of 2\.32:1, under WCAG AA's 4\.5:1 \(\d+ places/,
    );
    expect(result.code).toBe(1);
  });

  it('finds the source line of a link that UTM tracking changed', async () => {
    project = await tempProject({
      'content/a.md': article('A', `${PARAGRAPH}\n\n[Old page](http://example.org/old).`),
      'newsletter.config.json': withIdentity('{ "utm": { "source": "fieldnotes" } }'),
    });
    const result = await project.runHere(['check']);
    expect(result.stderr).toMatch(
      /content\/a\.md:7:12 warning LINK_INSECURE link "Old page" uses http: http:\/\/example\.org\/old\?utm_source=fieldnotes/,
    );
  });

  it('checks the clients of the config, or of --clients', async () => {
    project = await tempProject({
      'content/a.md': article('A', PARAGRAPH),
      'newsletter.config.json': withIdentity('{ "checkClients": ["apple-mail.*"] }'),
    });
    expect((await project.runHere(['check', '--strict'])).code).toBe(0);
    await project.write('newsletter.config.json', withIdentity('{ "checkClients": "gmail" }'));
    const invalid = await project.runHere(['check']);
    expect(invalid.stderr).toContain('error CONFIG_INVALID "checkClients" must be a list of email clients');
    expect(invalid.code).toBe(2);
    await project.write('newsletter.config.json', withIdentity('{ "checkClients": ["gmial.*"] }'));
    const unknown = await project.runHere(['check']);
    expect(unknown.stderr).toContain(
      'newsletter.config.json:1:3 error CONFIG_INVALID "checkClients": The specified email client(s) (gmial.*) were not found',
    );
    expect(unknown.code).toBe(2);
    expect((await project.runHere(['check', '--clients', 'outlook.windows'])).code).toBe(0); // the option overrides the config
  });

  it.each([
    [
      ['--clients', 'gmial.*'],
      'error CHECK_OPTIONS --clients: The specified email client(s) (gmial.*) were not found',
    ],
    [['--timeout', '0'], 'error CHECK_OPTIONS --timeout must be a positive number of seconds, got "0"'],
    [['no-such-edition'], 'error UNKNOWN_EDITION no edition "no-such-edition"'],
    [['--no-such-option'], "unknown option '--no-such-option'"],
  ])('exits 2 on a usage error: %s', async (args, message) => {
    project = await tempProject({ 'content/a.md': article('A', PARAGRAPH) });
    const result = await project.runHere(['check', ...args]);
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(2);
  });
});
