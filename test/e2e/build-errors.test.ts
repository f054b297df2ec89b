// Bad input, end to end: a clear error with file:line, the right exit code, and nothing lost in out/.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const good = '---\ntitle: Good article\n---\nA fine body.\n';
let project: TempProject;
afterEach(() => project?.remove());

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('build with bad input', () => {
  it('fails a broken edition alone, keeps its last good output, and names file:line:column', async () => {
    project = await tempProject({ 'content/good.md': good, 'content/broken.md': good });
    expect((await project.runHere(['build'])).code).toBe(0);
    const before = await project.read('out/broken/index.html');
    const mtime = (await stat(join(project.dir, 'out/broken/index.html'))).mtimeMs;

    await project.write('content/broken.md', '---\ntitle: Broken\ndek: "never closed\n---\nBody.\n');
    await project.write('content/good.md', good.replace('A fine body.', 'A changed body.'));
    const result = await project.runHere(['build']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/broken.md:3:6 error FRONT_MATTER_YAML');
    expect(result.stderr).toMatch(/broken failed/);
    expect(await project.read('out/good/index.html')).toContain('A changed body.');
    expect(await project.read('out/broken/index.html')).toBe(before);
    expect((await stat(join(project.dir, 'out/broken/index.html'))).mtimeMs).toBe(mtime);
    expect((await filesUnder(join(project.dir, 'out'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    [
      'a missing title',
      'content/a.md',
      '---\ndek: no title\n---\nBody.\n',
      'content/a.md:1 error TITLE_MISSING',
    ],
    ['an empty article', 'content/a.md', '---\ntitle: T\n---\n\n', 'content/a.md:4 error ARTICLE_EMPTY'],
    ['an empty text article', 'content/a.txt', '', 'content/a.txt:1 error ARTICLE_EMPTY'],
    [
      'invalid UTF-8',
      'content/a.txt',
      Buffer.from([0x54, 0x0a, 0x0a, 0xc3, 0x28]),
      'content/a.txt:3:1 error FILE_ENCODING',
    ],
    [
      'executable front matter',
      'content/a.md',
      '---js\nmodule.exports = {}\n---\nBody\n',
      'content/a.md:1:4 error FRONT_MATTER_JS',
    ],
    [
      'a bad date',
      'content/e/01-a.md',
      '---\ntitle: T\ndate: soon\n---\nBody\n',
      'content/e/01-a.md:3:1 error DATE_INVALID',
    ],
  ])('reports %s with file and line and exits 1', async (_, path, content, expected) => {
    project = await tempProject({ [path]: content, 'content/other.md': good });
    const result = await project.runHere(['build']);
    expect(result.stderr).toContain(expected);
    expect(result.code).toBe(1);
    expect(await project.read('out/other/index.html')).toContain('A fine body.');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
  });

  it('reports every problem of an edition at once', async () => {
    project = await tempProject({
      'content/e/01-a.md': '---\ndek: x\n---\nBody\n',
      'content/e/02-b.md': '---\ntitle: T\n---\n',
      'content/e/edition.md': '---\ndate: whenever\n---\n',
    });
    const result = await project.runHere(['build']);
    expect(result.stderr).toContain('content/e/edition.md:2:1 error DATE_INVALID');
    expect(result.stderr).toContain('content/e/01-a.md:1 error TITLE_MISSING');
    expect(result.stderr).toContain('content/e/02-b.md:4 error ARTICLE_EMPTY');
    expect(result.code).toBe(1);
  });

  it('exits 2 for an unknown slug or option, naming what exists', async () => {
    project = await tempProject({ 'content/a.md': good });
    const slug = await project.runHere(['build', 'nope']);
    expect(slug.code).toBe(2);
    expect(slug.stderr).toContain('UNKNOWN_EDITION no edition "nope"');
    expect(slug.stderr).toContain('editions: a');
    const option = await project.runHere(['build', '--frobnicate']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--frobnicate'");
  });

  it('exits 2 for an invalid config, reporting every problem', async () => {
    project = await tempProject({
      'content/a.md': good,
      'newsletter.config.json': '{\n  "language": "und",\n  "colour": {}\n}\n',
    });
    const result = await project.runHere(['build']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('newsletter.config.json:2 error LANG_UNKNOWN');
    expect(result.stderr).toContain('newsletter.config.json:3 error CONFIG_UNKNOWN_KEY');
    expect(result.stderr).toContain('did you mean "colors"?');
  });

  it('names the template and line of an MJML error, and of a missing template value', async () => {
    project = await tempProject({ 'content/a.md': good });
    const footer = await project.read('templates/partials/footer.mjml.hbs');
    await project.write('templates/partials/footer.mjml.hbs', footer.replace('<mj-divider', '<mj-dividr'));
    const mjml = await project.runHere(['build']);
    expect(mjml.code).toBe(1);
    expect(mjml.stderr).toMatch(
      /templates\/partials\/footer\.mjml\.hbs:3 error MJML_ERROR Element mj-dividr doesn't exist/,
    );

    await project.write('templates/partials/footer.mjml.hbs', footer);
    const header = await project.read('templates/partials/header.mjml.hbs');
    await project.write(
      'templates/partials/header.mjml.hbs',
      header.replace('<h1>{{newsletter.name}}</h1>', '<h1>{{newsletter.nmae}}</h1>'),
    );
    const missing = await project.runHere(['build']);
    expect(missing.code).toBe(1);
    // the line that names it, wherever the layout puts the heading
    const line = header.split('\n').findIndex((l) => l.includes('<h1>{{newsletter.name}}</h1>')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(missing.stderr).toMatch(
      new RegExp(
        `templates/partials/header\\.mjml\\.hbs:${line}:\\d+ error TEMPLATE_MISSING_VALUE "nmae" is not defined`,
      ),
    );
    await project.write('templates/partials/header.mjml.hbs', header);

    // a value given to {{t}} is a helper argument, which strict mode lets be missing: the helper refuses it
    await project.write(
      'templates/partials/footer.mjml.hbs',
      footer.replace('newsletter=newsletter.name}}', 'newsletter=newsletter.nmae}}'),
    );
    const value = await project.runHere(['build']);
    expect(value.code).toBe(1);
    expect(value.stderr).toMatch(
      /templates\/partials\/footer\.mjml\.hbs\S* error TEMPLATE_RENDER \{\{t "receiving"\}\}: "newsletter" is not defined/,
    );

    await project.write(
      'templates/partials/footer.mjml.hbs',
      footer.replace('newsletter=newsletter.name}}', 'newsletter=newsletter.name}'),
    );
    const syntax = await project.runHere(['build']);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/templates\/partials\/footer\.mjml\.hbs:5 error TEMPLATE_SYNTAX/);
  });

  it('reports an out folder it cannot write into, without a stack trace', async () => {
    project = await tempProject({ 'content/a.md': good });
    await project.write('out', 'a file where the out folder should be');
    const result = await project.runHere(['build']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('out/a error WRITE_FAILED ENOTDIR');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('content is data, never template source', () => {
  it('shows {{...}} literally, drops unsafe URLs with a warning, and still builds', async () => {
    project = await tempProject({
      'content/a.md':
        '---\ntitle: "{{newsletter.name}} and {{#each articles}}x{{/each}}"\nurl: JAVASCRIPT:alert(1)\n---\nHello {{recipient "email"}} {{{unsubscribe_url}}}.\n\n[x](javascript:alert(1))\n',
    });
    const result = await project.runHere(['build']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('content/a.md:3:1 warning UNSAFE_URL');
    expect(result.stderr).toContain('content/a.md:7 warning UNSAFE_URL');
    const html = await project.read('out/a/index.html');
    expect(html).toContain('<title>{{newsletter.name}} and {{#each articles}}x{{/each}}</title>');
    expect(html).toContain('Hello {{recipient "email"}} {{{unsubscribe_url}}}.');
    expect(html.toLowerCase()).not.toContain('javascript:');
    expect(html).toMatch(/<a style="[^"]*">x<\/a>/); // the link text stays, the URL goes
    const text = await project.read('out/a/index.txt');
    expect(text).toContain('Hello {{recipient "email"}} {{{unsubscribe_url}}}.');
  });

  it('cannot forge a recipient field through an entity or a YAML escape', async () => {
    project = await tempProject({
      'content/a.md':
        '---\ntitle: "Hi \\uE000unsubscribe_url\\uE002"\n---\nBody &#xE000;unsubscribe_url&#xE002; and <b>&#57344;preferences_url&#57346;</b>.\n',
    });
    expect((await project.runHere(['build'])).code).toBe(0);
    const html = await project.read('out/a/index.html');
    expect(html).toContain('Hi unsubscribe_url');
    expect(html).toMatch(/Body unsubscribe_url and <b>preferences_url<\/b>/);
  });
});

describe('out/ is never lost', () => {
  it('leaves files it did not write, and out/.newsletter, alone', async () => {
    project = await tempProject({ 'content/a.md': good });
    await project.write('out/CNAME', 'news.example.com\n');
    await project.write('out/.newsletter/inbox/keep.eml', 'x');
    await project.write('out/a/extra.css', 'body{}');
    expect((await project.runHere(['build'])).code).toBe(0);
    expect(await project.read('out/CNAME')).toBe('news.example.com\n');
    expect(await project.read('out/.newsletter/inbox/keep.eml')).toBe('x');
    expect(await project.read('out/a/extra.css')).toBe('body{}');
  });
});
