// `newsletter import` end to end: the built CLI in a temporary project, against feeds and pages served on
// loopback (hence --allow-private), then `build` and `check --strict` on what it wrote.
import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { fixture, startServer, type TestServer } from './server.js';

let server: TestServer;
let project: TempProject;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());
afterEach(() => project?.remove());

// SOURCE_DATE_EPOCH in the test environment is 2026-01-01
const HARBOUR = 'content/2026-01-01-the-harbour-review';
const files = async (folder: string) => (await readdir(join(project.dir, folder))).sort();
const hasSpamAssassin = (() => {
  try {
    execFileSync('spamassassin', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('newsletter import <feed>', () => {
  it('writes an edition from an RSS feed that builds and passes check --strict', async () => {
    project = await tempProject({});
    const result = await project.runHere(['import', `${server.url}/feed.rss`, '--allow-private']);
    expect(result.stderr).toContain(
      `${server.url}/feed.rss warning IMPORT_ITEM "An item whose link went missing" has no link: left out`,
    );
    expect(result.stderr).toContain('3 imported, 1 skipped: 1 without a link');
    expect(result.stdout).toBe(`${HARBOUR}\n`);
    expect(result.code).toBe(0);
    expect(server.requests.find((r) => r.path === '/feed.rss')!.userAgent).toMatch(
      /^newsletter\/\d+\.\d+\.\d+ /,
    );

    expect(await files(HARBOUR)).toEqual([
      '01-tides-read-properly.md',
      '02-knots-the-people-who-tie-them.md',
      '03-winter-moorings.md',
      'edition.md',
    ]);
    expect(await project.read(`${HARBOUR}/01-tides-read-properly.md`)).toBe(
      [
        '---',
        'title: Tides, read properly',
        'url: https://harbour.example.org/2025/12/tides-read-properly/',
        'source: The Harbour Review',
        'author: Maren Holt',
        "date: '2025-12-30'",
        'image: https://cdn.harbour.example.org/2025/12/tides.jpg',
        'image_alt: Tides, read properly',
        "dek: 'A tide table is a promise with footnotes. Here is how to read the footnotes before they read you: {{first_name}} stays as written.'",
        '---',
        '',
      ].join('\n'),
    );
    const edition = await project.read(`${HARBOUR}/edition.md`);
    expect(edition).toContain("subject: 'The Harbour Review: January 1, 2026'");
    expect(edition).toContain("date: '2026-01-01'");
    expect(edition).toContain("<!-- The editor's note:");

    const build = await project.runHere(['build']);
    expect(build.stderr).not.toMatch(/error|warning/);
    expect(build.code).toBe(0);
    const html = await project.read('out/2026-01-01-the-harbour-review/index.html');
    expect(html).toContain('{{first_name}} stays as written.'); // imported text is data, never template source
    expect(html).toContain('Knots &amp; the people who tie them');
    expect(html).not.toContain('alert(');

    const check = await project.runHere(['check', '--strict']);
    expect(check.stderr).toContain('2026-01-01-the-harbour-review: no problems');
    expect(check.code).toBe(0);
  });

  it.runIf(hasSpamAssassin)('writes an edition SpamAssassin scores 0 or below', async () => {
    project = await tempProject({});
    expect((await project.runHere(['import', `${server.url}/feed.rss`, '--allow-private'])).code).toBe(0);
    const check = await project.runHere(['check', '--spam', '--json']);
    const [edition] = JSON.parse(check.stdout).editions;
    expect(edition.spam.score).toBeLessThanOrEqual(0);
  });

  it('never overwrites an edition without --force, and leaves out links an earlier edition has', async () => {
    project = await tempProject({});
    const feed = `${server.url}/feed.rss`;
    expect((await project.runHere(['import', feed, '--allow-private'])).code).toBe(0);
    await project.write(`${HARBOUR}/edition.md`, '---\nsubject: Edited by hand\n---\nMy note.\n');

    const again = await project.runHere(['import', feed, '--allow-private']);
    expect(again.stderr).toContain(
      `${HARBOUR} error IMPORT_EDITION_EXISTS the edition 2026-01-01-the-harbour-review exists already: nothing was written`,
    );
    expect(again.code).toBe(2);
    expect(await project.read(`${HARBOUR}/edition.md`)).toContain('Edited by hand');

    const next = await project.runHere([
      'import',
      feed,
      '--allow-private',
      '--edition',
      '2026-01-08-harbour',
    ]);
    expect(next.stderr).toContain(
      '0 imported, 4 skipped: 1 without a link, 3 already in 2026-01-01-the-harbour-review',
    );
    expect(next.stderr).toContain('error IMPORT_NOTHING nothing to import');
    expect(next.code).toBe(1);
    expect(await readdir(join(project.dir, 'content'))).toEqual(['2026-01-01-the-harbour-review']);

    const forced = await project.runHere(['import', feed, '--allow-private', '--force', '--limit', '1']);
    expect(forced.stderr).toContain('1 imported, 3 skipped: 1 without a link, 2 over --limit');
    expect(forced.code).toBe(0);
    expect(await files(HARBOUR)).toEqual(['01-tides-read-properly.md', 'edition.md']);
    const all = await project.runHere([
      'import',
      feed,
      '--allow-private',
      '--edition',
      '2026-01-08-harbour',
      '--all',
    ]);
    expect(all.stderr).toContain('3 imported, 1 skipped');
    expect(all.code).toBe(0);

    expect(await project.read(`${HARBOUR}/edition.md`)).not.toContain('Edited by hand');
  });

  it("reads Atom, taking the image from the item's page when the feed has none", async () => {
    project = await tempProject({});
    const result = await project.runHere(['import', `${server.url}/feed.atom`, '--allow-private', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      ok: true,
      slug: '2026-01-01-plain-sailing-notes',
      summary: '2 imported, 0 skipped',
      imported: [
        { title: 'Charts & compasses', url: `${server.url}/page/og` },
        { title: 'Reefing early', url: 'https://notes.example.org/reefing-early' },
      ],
      diagnostics: [],
    });
    const article = await project.read('content/2026-01-01-plain-sailing-notes/01-charts-compasses.md');
    expect(article).toContain('image: https://notes.example.org/img/charts-1200.jpg');
    expect(article).toContain('image_alt: A folded chart beside a hand-bearing compass');
    expect(article).toContain('dek: Why a paper chart still earns its place beside the plotter.');
    expect(server.hits('/page/og')).toBeGreaterThan(0);
  });

  it('reads a JSON Feed from a file, with --since', async () => {
    project = await tempProject({ 'feed.json': fixture('feed.json') });
    const result = await project.runHere([
      'import',
      'feed.json',
      '--since',
      '2025-12-20',
      '--edition',
      'dockside',
    ]);
    expect(result.stderr).toContain('1 imported, 1 skipped: 1 older than --since');
    expect(result.code).toBe(0);
    expect(await files('content/dockside')).toEqual(['01-fog-signals-a-refresher.md', 'edition.md']);
  });
});

describe('newsletter import: what a feed holds is data', () => {
  it('follows the feed a home page links to', async () => {
    project = await tempProject({});
    const result = await project.runHere(['import', `${server.url}/home`, '--allow-private', '--limit', '1']);
    expect(result.stderr).toContain('1 imported, 3 skipped');
    expect(result.code).toBe(0);
    expect(await files(HARBOUR)).toEqual(['01-tides-read-properly.md', 'edition.md']);
  });

  it('keeps template syntax, markup and scripting URLs out of the built edition', async () => {
    const hostile = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Hostile {{> header}} </mj-text>',
      items: [
        {
          id: '1',
          url: 'https://hostile.example/a',
          title: '{{#each articles}}{{/each}} <mj-raw><script>alert(1)</script></mj-raw>',
          summary: '<img src=x onerror=alert(1)> {{{edition.subject}}} \u202eevil\u202c \ue001token',
          image: 'javascript:alert(1)',
          authors: [{ name: '<b>Eve</b>' }],
        },
      ],
    };
    project = await tempProject({ 'hostile.json': JSON.stringify(hostile) });
    const result = await project.runHere(['import', 'hostile.json', '--edition', 'hostile']);
    expect(result.code).toBe(0);
    const [first] = await files('content/hostile');
    expect(first).toBe('01-each-articles-each.md');
    const article = await project.read(`content/hostile/${first}`);
    expect(article).toContain("title: '{{#each articles}}{{/each}}'");
    expect(article).not.toContain('image:');
    expect(article).not.toMatch(/[\u202e\ue001]/);
    const build = await project.runHere(['build']);
    expect(build.code).toBe(0);
    const html = await project.read('out/hostile/index.html');
    expect(html).toContain('{{#each articles}}{{/each}}');
    expect(html).toContain('{{{edition.subject}}}');
    expect(html).not.toMatch(/<script|onerror|javascript:|<mj-raw/i);
    expect(await project.read('content/hostile/edition.md')).toContain(
      "subject: 'Hostile {{> header}}: January 1, 2026'",
    );
  });

  it('reads a feed file in the encoding it declares', async () => {
    const rss =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\u00e9 notes</title><item><title>Cr\u00e8me br\u00fbl\u00e9e</title><link>https://cafe.example/creme</link><enclosure url="https://cafe.example/c.jpg" type="image/jpeg" length="1"/></item></channel></rss>';
    project = await tempProject({ 'latin1.rss': Buffer.from(rss, 'latin1') });
    const result = await project.runHere(['import', 'latin1.rss']);
    expect(result.code).toBe(0);
    expect(await project.read('content/2026-01-01-cafe-notes/01-creme-brulee.md')).toContain(
      'title: Crème brûlée',
    );
  });
});

describe('newsletter import --urls', () => {
  it('writes one article per link, with the comment as its body', async () => {
    const list = [
      '# links for the week',
      `${server.url}/page/og  Worth it for the chart **photos** alone.`,
      `${server.url}/page/twitter — Finally, an explanation.`,
      `${server.url}/page/jsonld`,
      `${server.url}/redirect/1 | Moved, but still good`,
      `${server.url}/flaky`,
      `${server.url}/gone  This one 404s`,
      'not-a-url  Oops',
      '',
    ].join('\n');
    project = await tempProject({ 'links.txt': list });
    const result = await project.runHere(['import', '--urls', 'links.txt', '--allow-private']);
    expect(result.stderr).toContain(
      `links.txt:7 warning IMPORT_ITEM ${server.url}/gone: HTTP 404 Not Found: left out`,
    );
    expect(result.stderr).toContain(
      'links.txt:8 warning IMPORT_ITEM "not-a-url" is not an http(s) URL: left out',
    );
    // the redirect lands on the page listed first: it is there already
    expect(result.stderr).toContain('4 imported, 3 skipped: 1 not a URL, 1 unreadable, 1 listed twice');
    expect(result.code).toBe(0);

    const folder = 'content/2026-01-01-links';
    expect(await files(folder)).toEqual([
      '01-charts-compasses.md',
      '02-harbour-dues-explained.md',
      '03-lighthouse-keepers-then-and-now.md',
      '04-charts-compasses-2.md',
      'edition.md',
    ]);
    const og = await project.read(`${folder}/01-charts-compasses.md`);
    expect(og).toContain('source: Plain Sailing');
    expect(og).toContain('author: Ines Ward');
    expect(og).toMatch(/---\nWorth it for the chart \*\*photos\*\* alone\.\n$/);
    const twitter = await project.read(`${folder}/02-harbour-dues-explained.md`);
    expect(twitter).toContain(`image: ${server.url}/img/dues.png`);
    expect(twitter).toContain('source: 127.0.0.1');
    expect(twitter).toMatch(/\nFinally, an explanation\.\n$/);
    expect(await project.read(`${folder}/03-lighthouse-keepers-then-and-now.md`)).toContain(
      'author: Ada Moss',
    );
    expect(await project.read(`${folder}/04-charts-compasses-2.md`)).toContain(`url: ${server.url}/flaky`);
    expect(await project.read(`${folder}/edition.md`)).toContain("subject: 'Links: January 1, 2026'");

    expect((await project.runHere(['build'])).code).toBe(0);
    // loopback pages are served over http: the only findings are those links
    const check = await project.runHere(['check', '--json']);
    const codes = new Set(
      JSON.parse(check.stdout)
        .diagnostics.concat(
          ...JSON.parse(check.stdout).editions.map((e: { diagnostics: unknown[] }) => e.diagnostics),
        )
        .map((d: { code: string }) => d.code),
    );
    expect([...codes].filter((c) => c !== 'LINK_INSECURE' && c !== 'IMAGE_SRC_INSECURE')).toEqual([]);
    expect(check.code).toBe(0);
  });
});

describe('newsletter import, refused and broken input', () => {
  it('refuses a loopback address without --allow-private, and writes nothing', async () => {
    project = await tempProject({});
    const before = server.requests.length;
    const result = await project.runHere(['import', `${server.url}/feed.rss`]);
    expect(result.stderr).toContain(
      `${server.url}/feed.rss error IMPORT_SOURCE cannot import the feed: refused 127.0.0.1: a private or loopback address (--allow-private allows it)`,
    );
    expect(result.code).toBe(1);
    expect(server.requests.length).toBe(before);
    expect(await readdir(join(project.dir, 'content'))).toEqual([]);
  });

  it.each([
    ['/missing.rss', 'HTTP 404 Not Found'],
    ['/not-a-feed', 'not an RSS, Atom or JSON feed'],
    ['/malformed.rss', 'not a readable feed'],
    ['/loop/a', 'redirect loop'],
  ])('names the feed and the problem: %s', async (path, problem) => {
    project = await tempProject({});
    const result = await project.runHere(['import', `${server.url}${path}`, '--allow-private']);
    expect(result.stderr).toContain(
      `${server.url}${path} error IMPORT_SOURCE cannot import the feed: ${problem}`,
    );
    expect(result.stderr).toContain('0 imported, 0 skipped');
    expect(result.code).toBe(1);
  });

  it.each([
    [[], 'name a feed'],
    [['feed.xml', '--urls', 'links.txt'], 'give either a feed or --urls FILE, not both'],
    [['ftp://example.org/feed.xml'], 'only http(s) URLs and local files'],
    [['feed.xml', '--limit', '0'], '--limit must be a whole number'],
    [['feed.xml', '--since', 'last week'], '--since must be a date'],
    [['feed.xml', '--edition', '../escape'], '--edition must be a folder name'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    project = await tempProject({});
    const result = await project.runHere(['import', ...args]);
    expect(result.stderr).toContain(`error IMPORT_OPTIONS ${message}`);
    expect(result.code).toBe(2);
  });
});
