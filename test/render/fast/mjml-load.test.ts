// MJML loads without the libraries only some documents or options need (src/library-internals.ts):
// cheerio for mj-html-attributes, js-beautify, htmlnano for `minify`, and juice's resource fetching, with
// juice on cheerio/slim. They must still be there, loaded then, for a document that needs them, and the
// HTML must be what MJML loaded as usual gives.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { MJML_OPTIONS } from '../../../src/render/mjml-options.js';
import { mjmlHere } from '../../../src/render/fast/compile.js';
import { STAND_INS } from '../../../src/library-internals.js';

const require = createRequire(import.meta.url);
const fromMjmlCore = createRequire(require.resolve('mjml-core', { paths: [require.resolve('mjml')] }));
const cheerioOfMjml = fromMjmlCore.resolve('cheerio');
const fromJuice = createRequire(fromMjmlCore.resolve('juice'));
const NEVER_LOADED = {
  undici: fromJuice.resolve('undici', { paths: [fromJuice.resolve('cheerio')] }),
  htmlnano: fromMjmlCore.resolve('htmlnano'),
  'web-resource-inliner': fromJuice.resolve('web-resource-inliner'),
};

// inline CSS over entities, non-ASCII text, void elements, quotes in attributes and an Outlook conditional
const WITH_INLINE_CSS = `<mjml><mj-head><mj-style inline="inline">.t p { margin: 0 0 8px; } .t a { color: #0a58ca; }
  .t blockquote { border-left: 3px solid #ccc; font-style: italic; }</mj-style></mj-head>
  <mj-body><mj-section><mj-column><mj-text css-class="t"><p>Café &amp; bar&nbsp;— <a href="https://example.com/?a=1&amp;b=2" title='say "hi"'>link</a><br>
  <img src="https://example.com/x.png" alt="x"></p><blockquote><p>quoted “text”</p></blockquote>
  <!--[if mso]><p>Outlook</p><![endif]--></mj-text></mj-column></mj-section></mj-body></mjml>`;

const WITH_HTML_ATTRIBUTES = `<mjml><mj-head><mj-html-attributes><mj-selector path=".custom div">
  <mj-html-attribute name="data-id">42</mj-html-attribute></mj-selector></mj-html-attributes></mj-head>
  <mj-body><mj-section><mj-column><mj-text css-class="custom">Hi</mj-text></mj-column></mj-section></mj-body></mjml>`;

/** The HTML from MJML required as usual, in a process of its own (no stand-ins). */
function usualCompile(mjml: string, options: object): string {
  const script = `require(${JSON.stringify(require.resolve('mjml'))})(require('fs').readFileSync(0, 'utf8'), ${JSON.stringify(options)}).then((r) => process.stdout.write(r.html))`;
  return execFileSync(process.execPath, ['-e', script], {
    input: mjml,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'ignore'],
  }); // quiet: htmlnano's cssnano notice
}

describe('loading MJML', () => {
  it('loads once when asked again while loading, and leaves the module loader as it was', async () => {
    const Module = require('node:module') as { _load: unknown };
    const before = Module._load;
    const [first, second] = await Promise.all([mjmlHere(), mjmlHere()]);
    expect(second).toBe(first);
    expect(Module._load).toBe(before);
  });

  it('does not load what newsletter never calls: fetching pages and resources, minifying', async () => {
    await mjmlHere();
    for (const [name, file] of Object.entries(NEVER_LOADED))
      expect(require.cache[file], name).toBeUndefined();
  });

  it('gives the HTML that MJML loaded as usual gives, inline CSS included', async () => {
    const { html, errors } = await (await mjmlHere())(WITH_INLINE_CSS, MJML_OPTIONS);
    expect(errors).toEqual([]);
    expect(html).toContain('style="margin: 0 0 8px;"');
    expect(html).toBe(usualCompile(WITH_INLINE_CSS, MJML_OPTIONS));
  });

  it('still minifies when asked to (htmlnano and cssnano, deferred)', async () => {
    // htmlnano notes that cssnano, which MJML does not install, would minify the CSS too: as it does for MJML loaded as usual
    const notice = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { html, errors } = await (await mjmlHere())(WITH_INLINE_CSS, { ...MJML_OPTIONS, minify: true });
    notice.mockRestore();
    expect(errors).toEqual([]);
    expect(require.cache[NEVER_LOADED.htmlnano]).toBeDefined();
    expect(html).toBe(usualCompile(WITH_INLINE_CSS, { ...MJML_OPTIONS, minify: true }));
    expect(html.length).toBeLessThan(usualCompile(WITH_INLINE_CSS, MJML_OPTIONS).length);
  });

  it('defers cheerio until a document uses mj-html-attributes, then compiles it as MJML does', async () => {
    const compile = await mjmlHere();
    expect(require.cache[cheerioOfMjml]).toBeUndefined();
    const { html, errors } = await compile(WITH_HTML_ATTRIBUTES, MJML_OPTIONS);
    expect(errors).toEqual([]);
    expect(html).toMatch(/<div[^>]*data-id="42"/);
    expect(require.cache[cheerioOfMjml]).toBeDefined();
  });

  it('still beautifies when asked to (js-beautify, deferred the same way)', async () => {
    const { html } = await (await mjmlHere())(WITH_HTML_ATTRIBUTES, { ...MJML_OPTIONS, beautify: true });
    expect(html).toMatch(/\n {2,}<div/);
  });

  it('knows, for each module it stands in for, whether the real one sets __esModule and is a function', () => {
    const asked = STAND_INS.filter((s) => !s.instead).map((s) => ({
      request: s.request,
      juice: /juice/.test(String(s.from)),
    }));
    // in a process of its own, as Node loads them (not as the test runner would)
    const script = `const { createRequire } = require('module');
      const core = createRequire(${JSON.stringify(fromMjmlCore.resolve('mjml-core'))});
      const juice = createRequire(${JSON.stringify(fromMjmlCore.resolve('juice'))});
      const found = ${JSON.stringify(asked)}.map(({ request, juice: j }) => { const m = (j ? juice : core)(request); return { request, esModule: Boolean(m.__esModule), callable: typeof m === 'function' }; });
      process.stdout.write(JSON.stringify(found));`;
    const found = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    expect(found).toEqual(
      STAND_INS.filter((s) => !s.instead).map((s) => ({
        request: s.request,
        esModule: s.esModule,
        callable: Boolean(s.callable),
      })),
    );
  });
});
