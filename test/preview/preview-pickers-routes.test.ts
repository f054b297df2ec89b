// The pickers' routes, request by request: the edition page and its email take `?subscriber=` and
// `?platform=`, and refuse anything else with a 404 that says why; each platform's engine that runs here
// really runs (Handlebars escapes `=`, which `send` leaves as it is); a bad recipients file stops the
// preview before it starts, as it stops `send`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { rawGet, runPreviewCliToExit, startPreviewCli, type RunningCli } from './helpers.js';
import { PICKER_PROJECT } from './picker-project.js';

const ANN = 'subscriber=ann%40example.org';
const MAL = 'subscriber=mal%40example.org';

describe('preview --recipients: the pickers’ routes', () => {
  let project: TempProject;
  let cli: RunningCli;
  const get = (path: string) => rawGet(cli.port, path);

  beforeAll(async () => {
    project = await tempProject(PICKER_PROJECT);
    cli = await startPreviewCli(project.dir, [
      '--port',
      '0',
      '--no-inbox',
      '--recipients',
      'subscribers.csv',
    ]);
  });
  afterAll(async () => {
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it.each([
    ['platform=nope', 'no platform &quot;nope&quot;: one of brevo, buttondown'],
    ['subscriber=nobody%40example.org', 'no subscriber &quot;nobody@example.org&quot;'],
    ['subscriber=reader%40example.org', 'no subscriber &quot;reader@example.org&quot;'],
    ['colour=red', 'unknown parameter &quot;colour&quot;'],
    ['platform=kit&platform=ses', '&quot;platform&quot; is given more than once'],
  ])('refuses ?%s on the page and on its email, saying why', async (query, why) => {
    for (const path of [`/e/hello/?${query}`, `/e/hello/email-light.html?${query}`]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toContain(why);
    }
  });

  it('fills the subscriber’s fields as send does, escaped', async () => {
    const page = await get(`/e/hello/?${ANN}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('src="email-light.html?subscriber=ann%40example.org"');
    expect(page.body).toContain('<option value="ann@example.org" selected>Ann Smith &lt;ann@example.org&gt;');
    const email = await get(`/e/hello/email-dark.html?${MAL}`);
    expect(email.body).toContain('Hi &lt;b id=&quot;injected&quot;&gt;Mal&lt;/b&gt;,');
    expect(email.body).toContain('href="https://example.org/u?id=2&amp;list=2"');
    expect(email.headers['content-security-policy']).toContain('sandbox allow-same-origin');
  });

  it('renders SendGrid and SES with Handlebars, Kit with liquidjs, Postmark with Mustachio’s rules', async () => {
    const sendgrid = await get(`/e/hello/email-light.html?${MAL}&platform=sendgrid`);
    expect(sendgrid.status).toBe(200);
    // Handlebars' own escaping: it writes "=" as &#x3D;, which send's escaping leaves alone
    expect(sendgrid.body).toContain('Hi &lt;b id&#x3D;&quot;injected&quot;&gt;Mal&lt;/b&gt;,');
    expect(sendgrid.body).toContain('href="https://example.org/u?id=2&amp;list=2"');
    expect(sendgrid.body).not.toMatch(/\{\{|\uE000/);
    const ses = await get(`/e/hello/email-light.html?${ANN}&platform=ses`);
    expect(ses.body).toContain('Hi Ann,');
    expect(ses.body).toContain('href="https://example.org/u?id=1&amp;list=2"');
    expect(ses.body).not.toContain('amazonSESUnsubscribeUrl');
    // liquidjs's `escape` writes quotes as &#34;
    const kit = await get(`/e/hello/email-light.html?${MAL}&platform=kit`);
    expect(kit.body).toContain('Hi &lt;b id=&#34;injected&#34;&gt;Mal&lt;/b&gt;,');
    expect(kit.body).toContain('href="https://example.org/u?id=2&amp;list=2"');
    // Mustachio encodes quotes as &quot; and the name's markup, and fills pm:unsubscribe
    const postmark = await get(`/e/hello/email-light.html?${MAL}&platform=postmark`);
    expect(postmark.body).toContain('Hi &lt;b id=&quot;injected&quot;&gt;Mal&lt;/b&gt;,');
    expect(postmark.body).toContain('https://example.org/u?id=2&amp;list=2');
    const text = (await get(`/e/hello/?${ANN}&platform=postmark`)).body;
    expect(text).toContain("Postmark's export rendered by Mustachio&#39;s rules");
    expect(/<pre class="text" id="plain-text">([\s\S]*?)<\/pre>/.exec(text)?.[1]).toContain(
      'https://example.org/u?id=1&amp;list=2',
    );
  });

  it('shows a platform it cannot render as source, and its email frame is a 404 saying so', async () => {
    const page = await get(`/e/hello/?${ANN}&platform=mailchimp`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("The preview cannot run Mailchimp's template engine");
    expect(page.body).toContain('<mark>*|UNSUB|*</mark>');
    expect(page.body).not.toContain('id="email"');
    const email = await get(`/e/hello/email-light.html?${ANN}&platform=mailchimp`);
    expect(email.status).toBe(404);
    expect(email.body).toContain('cannot run Mailchimp&#39;s template engine');
  });

  it('shows why a platform refuses the export, at the content line, with no frame', async () => {
    const page = await get('/e/literal/?platform=mailchimp');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Mailchimp refuses this export');
    expect(page.body).toMatch(
      /content\/literal\.txt:5(:\d+)?<\/code> <strong>error<\/strong> <code>EXPORT_LITERAL_SYNTAX/,
    );
    expect(page.body).not.toContain('id="email"');
    expect((await get('/e/literal/email-light.html?platform=mailchimp')).status).toBe(404);
    // the platforms that can escape it render it as words
    expect((await get('/e/literal/email-light.html?platform=sendgrid')).body).toContain('reads *|FNAME|* as');
  });
});

describe('preview without --recipients', () => {
  let project: TempProject;
  let cli: RunningCli;

  beforeAll(async () => {
    project = await tempProject(PICKER_PROJECT);
    cli = await startPreviewCli(project.dir, ['--port', '0', '--no-inbox']);
  });
  afterAll(async () => {
    expect(await cli?.stop()).toBe(0);
    await project?.remove();
  });

  it('offers the config’s defaults and a sample subscriber with no first name', async () => {
    const page = (await rawGet(cli.port, '/e/hello/')).body;
    const options = [...page.matchAll(/<select id="pick-subscriber"[^>]*>(.*?)<\/select>/g)][0]![1]!;
    expect([...options.matchAll(/value="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'defaults',
      'reader@example.org',
    ]);
    const sample = await rawGet(cli.port, '/e/hello/email-light.html?subscriber=reader%40example.org');
    expect(sample.status).toBe(200);
    expect(sample.body).toContain('Hi there,');
    expect((await rawGet(cli.port, `/e/hello/?${ANN}`)).status).toBe(404);
  });
});

describe('preview --recipients with a file send would refuse', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await tempProject({
      ...PICKER_PROJECT,
      'bad.csv': 'email,first_name\nann@example.org,Ann\nnot-an-address,Bob\n',
    });
  });
  afterAll(async () => project?.remove());

  it('exits 2 at the row’s file:line, before listening', async () => {
    const run = await runPreviewCliToExit(project.dir, [
      '--port',
      '0',
      '--no-inbox',
      '--recipients',
      'bad.csv',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.csv:3 error RECIPIENT_INVALID "not-an-address" is not an email address/);
    expect(run.stdout).toBe('');
  });

  it('exits 2 when the file cannot be read', async () => {
    const run = await runPreviewCliToExit(project.dir, [
      '--port',
      '0',
      '--no-inbox',
      '--recipients',
      'none.csv',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('none.csv error RECIPIENTS_FILE cannot read recipients: ENOENT');
  });
});
