// A newsletter's identity comes from its config, everywhere: the .eml headers, the footer, the archive.
// Without one (or on domains reserved for examples), build warns and still writes; check --strict and a
// send to a real server refuse, naming the config line.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

const HARBOUR = `{
  "name": "Harbour Letter",
  "from": "Harbour Letter <editor@harbourletter.net>",
  "url": "https://harbourletter.net/letters",
  "unsubscribeUrl": "https://harbourletter.net/unsubscribe?e={{email}}",
  "postalAddress": "Harbour Letter, 4 Quay Street, Port Isaac, PL29 3RH, UK"
}
`;
const ARTICLE =
  '---\ntitle: The tide tables\ndek: When the water comes and goes, and why the harbour master cares\n---\n' +
  'The tide came in twice today, as it does, and the harbour master wrote both times down in the book by the door, with the wind and the swell beside them.\n';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function everyOutFile(dir: string): Promise<string> {
  const entries = await readdir(join(dir, 'out'), { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

describe('identity from the config', () => {
  it('puts the name, From, List-Id, footer and unsubscribe URL of the config everywhere, Field Notes nowhere', async () => {
    project = await tempProject({ 'content/tides.md': ARTICLE, 'newsletter.config.json': HARBOUR });
    const build = await project.runHere(['build']);
    expect(build.code).toBe(0);
    expect(build.stderr).not.toContain('IDENTITY_');
    const eml = await project.read('out/tides/message.eml');
    expect(eml).toMatch(/^From: Harbour Letter <editor@harbourletter\.net>\r?$/m);
    expect(eml).toMatch(/^List-Id: Harbour Letter <harbourletter\.net>\r?$/im);
    expect(eml).toMatch(/^List-Unsubscribe: <https:\/\/harbourletter\.net\/unsubscribe\?e=>\r?$/m);
    const html = await project.read('out/tides/index.html');
    expect(html).toContain('Harbour Letter, 4 Quay Street, Port Isaac, PL29 3RH, UK');
    expect(html).toContain('href="https://harbourletter.net/letters/tides/"');
    expect(await project.read('out/tides/index.txt')).toContain(
      'Unsubscribe: https://harbourletter.net/unsubscribe?e=',
    );
    expect(await project.read('out/feed.xml')).toContain('https://harbourletter.net/letters/tides/');
    expect(await everyOutFile(project.dir)).not.toMatch(/Field Notes|fieldnotes/);
    expect((await project.runHere(['check', '--strict'])).code).toBe(0);
  });

  it('without a config: build warns and writes; check --strict and send to a real server refuse', async () => {
    project = await tempProject({ 'content/tides.md': ARTICLE });
    await rm(join(project.dir, 'newsletter.config.json'));
    const build = await project.runHere(['build']);
    expect(build.code).toBe(0);
    for (const key of ['from', 'url', 'unsubscribeUrl', 'postalAddress'])
      expect(build.stderr).toContain(`newsletter.config.json warning IDENTITY_MISSING "${key}" is not set`);
    expect(await project.read('out/tides/index.html')).toContain('The tide tables');
    expect(await everyOutFile(project.dir)).not.toMatch(/Field Notes|fieldnotes/);

    const strict = await project.runHere(['check', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('newsletter.config.json error IDENTITY_MISSING "from" is not set');
    // what only repeats the missing identity (no From header, an unsubscribe link going nowhere) is not
    // reported again as errors: check without --strict passes with the warnings
    const check = await project.runHere(['check']);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('warning IDENTITY_MISSING');
    expect(check.stderr).not.toMatch(/HEADER_MISSING|LINK_EMPTY|LINK_RELATIVE|LIST_UNSUBSCRIBE_ONE_CLICK/);
  });

  it('reports example domains and missing values at their config lines: warnings in build, errors in check --strict and send', async () => {
    const config =
      '{\n  "name": "Harbour Letter",\n  "from": "Harbour Letter <editor@harbour.example.com>",\n' +
      '  "url": "https://harbourletter.net/letters",\n  "unsubscribeUrl": "https://harbour.test/unsubscribe"\n}\n';
    project = await tempProject({ 'content/tides.md': ARTICLE, 'newsletter.config.json': config });
    const build = await project.runHere(['build']);
    expect(build.code).toBe(0);
    expect(build.stderr).toContain(
      'newsletter.config.json:3 warning IDENTITY_EXAMPLE_DOMAIN "from" is on harbour.example.com',
    );
    expect(build.stderr).toContain(
      'newsletter.config.json:5 warning IDENTITY_EXAMPLE_DOMAIN "unsubscribeUrl" is on harbour.test',
    );
    expect(build.stderr).toContain(
      'newsletter.config.json:1 warning IDENTITY_MISSING "postalAddress" is not set',
    );

    const strict = await project.runHere(['check', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('newsletter.config.json:3 error IDENTITY_EXAMPLE_DOMAIN');
    expect(strict.stderr).toContain('newsletter.config.json:1 error IDENTITY_MISSING "postalAddress"');

    // a dry run and the local inbox are for looking: no refusal
    const dry = await project.runHere(['send', 'tides', '--to', 'ann@harbourletter.net', '--dry-run']);
    expect(dry.code).toBe(0);
    // a real server: refused before any connection (the host need not exist)
    const real = await project.runHere(['send', 'tides', '--to', 'ann@harbourletter.net'], {
      env: { SMTP_URL: 'smtp://mail.harbourletter.net:587', SMTP_HOST: '', SMTP_USER: '', SMTP_PASS: '' },
    });
    expect(real.code).toBe(2);
    expect(real.stderr).toContain(
      'newsletter.config.json:3 error IDENTITY_EXAMPLE_DOMAIN refusing to send to mail.harbourletter.net:587: "from" is on harbour.example.com',
    );
    expect(real.stderr).toContain('error IDENTITY_MISSING refusing to send');
    expect(real.stderr).not.toContain('SMTP_VERIFY');
  });

  it('lets a project marked "sample" use example domains in build and check, never in a send to a real server', async () => {
    project = await tempProject(); // the sample: fieldnotes.example.com, "sample": true
    const build = await project.runHere(['build']);
    expect(build.code).toBe(0);
    expect(build.stderr).not.toContain('IDENTITY_');
    const real = await project.runHere(['send', 'kursk-talks', '--to', 'ann@harbourletter.net'], {
      env: { SMTP_URL: 'smtp://mail.harbourletter.net:587', SMTP_HOST: '', SMTP_USER: '', SMTP_PASS: '' },
    });
    expect(real.code).toBe(2);
    expect(real.stderr).toMatch(/newsletter\.config\.json:3 error IDENTITY_EXAMPLE_DOMAIN refusing to send/);
  });

  it('refuses a From that is not exactly one mailbox, naming the key and line', async () => {
    project = await tempProject({
      'content/tides.md': ARTICLE,
      'newsletter.config.json': HARBOUR.replace(
        '"Harbour Letter <editor@harbourletter.net>"',
        '"ceo@bank.example, Harbour Letter <editor@harbourletter.net>"',
      ),
    });
    const list = await project.runHere(['build']);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain(
      'newsletter.config.json:3 error CONFIG_INVALID "from" must be one mailbox, not a list',
    );
    await project.write('newsletter.config.json', HARBOUR.replace('"Harbour Letter <', '"Evil Bcc: <'));
    const group = await project.runHere(['build']);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain(
      'newsletter.config.json:3 error CONFIG_INVALID "from" must be one mailbox, not a group',
    );
  });
});
