import { describe, expect, it } from 'vitest';
import { clientSupport, validateClients } from '../../src/checks/client-support.js';
import { builtEdition } from '../../src/checks/built-edition.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { loadMjml } from '../../src/render/mjml.js';
import { built as sampleBuilt, GOOD_TEXT } from './helpers.js';

const HEAD = '<mj-head><mj-title>Weighing an email</mj-title><mj-style>.nl-text h2 { margin: 0 0 6px; }</mj-style></mj-head>';

/** An edition compiled by MJML for real, from a body of MJML. */
async function compiled(body: string) {
  const mjml = `<mjml lang="en">${HEAD}<mj-body>${body}</mj-body></mjml>`;
  const { html } = await (await loadMjml())(mjml, { validationLevel: 'soft', fonts: {} });
  const base = await sampleBuilt();
  return builtEdition({ edition: base.edition, config: DEFAULT_CONFIG, mjml, html, text: GOOD_TEXT, sources: [{ file: 'templates/default.mjml.hbs', text: `<mj-raw>\n  <div style="display: flex;">\n` }] });
}

const PLAIN = `<mj-raw><div style="display:none;max-height:0;overflow:hidden;mso-hide:all;opacity:0;">A preheader</div></mj-raw>
<mj-section><mj-column><mj-image src="https://example.org/a.png" alt="A chart" />
<mj-text css-class="nl-text"><h1>Field Notes</h1><p>Words.</p></mj-text><mj-button href="https://example.org/">Go</mj-button><mj-divider /></mj-column></mj-section>
<mj-section><mj-column><mj-text>One</mj-text></mj-column><mj-column><mj-text>Two</mj-text></mj-column></mj-section>`;

describe('client support rule', () => {
  it("subtracts MJML's own skeleton and the hidden preheader: a plain MJML edition is clean", async () => {
    expect(await clientSupport(await compiled(PLAIN))).toEqual([]);
  });

  it('reports what the template adds, grouped by feature with the clients it fails in', async () => {
    const found = await clientSupport(await compiled(`${PLAIN}<mj-raw><div style="display: flex;">side by side</div></mj-raw>`));
    expect(found).toEqual([expect.objectContaining({ code: 'CLIENT_UNSUPPORTED', severity: 'warning', file: 'templates/default.mjml.hbs', line: 2 })]);
    expect(found[0].message).toMatch(/^`display:flex` is not supported by (\S+, )*outlook\.windows/);
  });

  it('checks only the clients asked for', async () => {
    const edition = await compiled(`${PLAIN}<mj-raw><div style="display: flex;">side by side</div></mj-raw>`);
    expect(await clientSupport(edition, ['apple-mail.*'])).toEqual([]);
  });

  it('rejects an unknown client name', async () => {
    await expect(validateClients(['gmial.*'])).rejects.toThrow(/gmial/);
    await expect(validateClients(['gmail.*', 'outlook.windows'])).resolves.toBeUndefined();
  });
});
