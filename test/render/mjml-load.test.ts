// MJML loads without two libraries only some documents need (src/render/mjml-options.ts): cheerio, for
// mj-html-attributes, and js-beautify. They must still be there, loaded then, for a document that needs them.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MJML_OPTIONS, mjmlHere } from '../../src/render/mjml-options.js';

const require = createRequire(import.meta.url);
const fromMjmlCore = createRequire(require.resolve('mjml-core', { paths: [require.resolve('mjml')] }));
const cheerioOfMjml = fromMjmlCore.resolve('cheerio');

const WITH_HTML_ATTRIBUTES = `<mjml><mj-head><mj-html-attributes><mj-selector path=".custom div">
  <mj-html-attribute name="data-id">42</mj-html-attribute></mj-selector></mj-html-attributes></mj-head>
  <mj-body><mj-section><mj-column><mj-text css-class="custom">Hi</mj-text></mj-column></mj-section></mj-body></mjml>`;

describe('loading MJML', () => {
  it('loads once when asked again while loading, and leaves the module loader as it was', async () => {
    const Module = require('node:module') as { _load: unknown };
    const before = Module._load;
    const [first, second] = await Promise.all([mjmlHere(), mjmlHere()]);
    expect(second).toBe(first);
    expect(Module._load).toBe(before);
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
});
