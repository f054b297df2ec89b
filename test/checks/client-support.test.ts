import { describe, expect, it } from 'vitest';
import {
  clientSupport,
  DEFAULT_CLIENTS,
  htmlFailures,
  pageFailures,
  validateClients,
} from '../../src/checks/client-support.js';
import {
  ancestry,
  findElements,
  isHiddenElement,
  parseHtml,
  type HtmlDocument,
} from '../../src/checks/html.js';
import { builtEdition } from '../../src/checks/built-edition.js';
import { SAMPLE_CONFIG } from '../helpers/sample-config.js';
import { mjmlCompiler } from '../../src/render/render-path.js';
import { built as sampleBuilt, GOOD_TEXT } from './helpers.js';

const HEAD =
  '<mj-head><mj-title>Weighing an email</mj-title><mj-style>.nl-text h2 { margin: 0 0 6px; }</mj-style></mj-head>';

/** An edition compiled by MJML for real, from a body of MJML. */
async function compiled(body: string, head = HEAD) {
  const mjml = `<mjml lang="en">${head}<mj-body>${body}</mj-body></mjml>`;
  const { html } = await (await mjmlCompiler())(mjml, { validationLevel: 'soft', fonts: {} });
  const base = await sampleBuilt();
  return builtEdition({
    edition: base.edition,
    config: SAMPLE_CONFIG,
    mjml,
    html,
    text: GOOD_TEXT,
    sources: [{ file: 'templates/default.mjml.hbs', text: `<mj-raw>\n  <div style="display: flex;">\n` }],
  });
}

const PLAIN = `<mj-raw><div style="display:none;max-height:0;overflow:hidden;mso-hide:all;opacity:0;">A preheader</div></mj-raw>
<mj-section><mj-column><mj-image src="https://example.org/a.png" alt="A chart" />
<mj-text css-class="nl-text"><h1>Field Notes</h1><p>Words.</p></mj-text><mj-button href="https://example.org/">Go</mj-button><mj-divider /></mj-column></mj-section>
<mj-section><mj-column><mj-text>One</mj-text></mj-column><mj-column><mj-text>Two</mj-text></mj-column></mj-section>`;

/** The page without its hidden elements, as a string: what the rule checked whole before it went piece by piece. */
function withoutHidden(html: string, dom: HtmlDocument): string {
  const hidden = findElements(dom, (e) => isHiddenElement(e) && !ancestry(e).slice(1).some(isHiddenElement));
  let result = '';
  let from = 0;
  for (const element of hidden) {
    if (element.startIndex === null || element.endIndex === null) continue;
    result += html.slice(from, element.startIndex);
    from = element.endIndex + 1;
  }
  return result + html.slice(from);
}

describe('client support rule', () => {
  it("subtracts MJML's own skeleton and the hidden preheader: a plain MJML edition is clean", async () => {
    expect(await clientSupport(await compiled(PLAIN))).toEqual([]);
  });

  it('reports what the template adds, grouped by feature with the clients it fails in', async () => {
    const found = await clientSupport(
      await compiled(`${PLAIN}<mj-raw><div style="display: flex;">side by side</div></mj-raw>`),
    );
    expect(found).toEqual([
      expect.objectContaining({
        code: 'CLIENT_UNSUPPORTED',
        severity: 'warning',
        file: 'templates/default.mjml.hbs',
        line: 2,
      }),
    ]);
    expect(found[0].message).toMatch(/^`display:flex` is not supported by (\S+, )*outlook\.windows/);
  });

  it('checks only the clients asked for', async () => {
    const edition = await compiled(`${PLAIN}<mj-raw><div style="display: flex;">side by side</div></mj-raw>`);
    expect(await clientSupport(edition, ['apple-mail.*'])).toEqual([]);
  });

  it('finds, piece by piece, what checking the whole page finds', async () => {
    // features of every kind caniemail knows: elements, attributes and their values, inline CSS, stylesheets
    // with at-rules and pseudo-classes, void and raw-text elements, entities in attributes, a hidden part
    const page = `<!doctype html><html lang="en"><head><title>t &amp; u</title><meta name="color-scheme" content="light dark">
      <link rel="stylesheet" href="https://example.org/a.css"><style>@media (prefers-color-scheme: dark) { a:hover { color: red; } }
      .x > p ~ p { display: grid; } @font-face { font-family: X; src: url(x.woff2); }</style></head>
      <body style="margin:0"><div style="display:none;mso-hide:all"><video src="v.mp4"></video><p style="position: sticky">hidden</p></div>
      <table background="https://example.org/b.png" width="100%"><tr><td style="background-image: linear-gradient(red, blue); border-radius: 4px">
      <p style="margin: 0 0 16px;">One</p><p style="margin: 0 0 16px;">Two<br>three</p><a href="#top" title="a &quot;b&quot;">top</a>
      <a href="mailto:me@example.org" target="_blank">mail</a><img src="https://example.org/c.png" srcset="c2.png 2x" alt="" width="552">
      <svg width="10" height="10"><circle cx="5" cy="5" r="4"/></svg><form action="https://example.org/"><input type="checkbox"><button>b</button></form>
      <div style="display: flex; gap: 8px; max-width: 60ch; aspect-ratio: 16 / 9">flex</div><hr style="border: 0"></td></tr></table>
      <script/><marquee>x</marquee><div><style>.y { position: fixed }</style></div></body></html>`;
    const sampled = await sampleBuilt();
    for (const html of [page, sampled.html]) {
      const dom = parseHtml(html);
      const whole = new Set(
        (await htmlFailures(withoutHidden(html, dom), DEFAULT_CLIENTS)).map((f) => f.join(' / ')),
      );
      const pieces = new Set((await pageFailures(dom, DEFAULT_CLIENTS)).failures.map((f) => f.join(' / ')));
      expect(whole.size).toBeGreaterThan(html === page ? 20 : 0);
      expect([...pieces]).toEqual([...whole]); // in the same order too
    }
  });

  it('tells start tags apart by what caniemail reads of their values, however many pages came before', async () => {
    // each page's pieces are held to the whole page with the pages before it already checked: a start tag that
    // differs from one seen only in values caniemail never reads gets that one's findings, which must be its own
    const EVERY_CLIENT = ['*']; // orange.ios fails mailto: links, gmail.ios local anchors
    const values = [
      '#top',
      ' #top',
      '#',
      'mailto:me@example.org',
      'MAILTO:me@example.org',
      'mailto:',
      'https://example.org/a?b=1&c=2',
      'https://example.org/#top',
      'top',
      '_blank',
      'checkbox',
      '',
      'A "quoted" alt text',
    ];
    const tags = ['a', 'img', 'input', 'div', 'span', 'link'];
    const attributes = ['href', 'name', 'target', 'type', 'rel', 'alt', 'title', 'amp4email'];
    const pages = values.map((value) => {
      const quoted = value.replace(/"/g, '&quot;');
      const body = tags
        .flatMap((tag) =>
          attributes.map((name) =>
            ['img', 'input', 'link'].includes(tag)
              ? `<${tag} ${name}="${quoted}">`
              : `<${tag} ${name}="${quoted}">x</${tag}>`,
          ),
        )
        .join('\n');
      return `<!doctype html><html lang="en"><head><title>t</title></head><body><div>${body}</div></body></html>`;
    });
    for (const html of pages) {
      const whole = (await htmlFailures(html, EVERY_CLIENT)).map((f) => f.join(' / '));
      const pieces = (await pageFailures(parseHtml(html), EVERY_CLIENT)).failures.map((f) => f.join(' / '));
      expect(pieces).toEqual([...new Set(whole)]);
    }
    // what the test means: values that tell caniemail something (local anchors, mailto: links) among others
    const features = async (href: string) =>
      new Set((await htmlFailures(`<a href="${href}">x</a>`, EVERY_CLIENT)).map(([feature]) => feature));
    expect(await features(values[0])).toContain('`Local anchors`');
    expect(await features(values[1])).not.toContain('`Local anchors`');
    expect(await features(values[3])).toContain('`mailto: links`');
    expect(await features(values[4])).not.toContain('`mailto: links`');
  });

  it('reports a stylesheet that does not parse, in the body or in the head, instead of failing', async () => {
    const inBody = await clientSupport(
      await compiled(`${PLAIN}<mj-raw><style>.broken { color: red</style></mj-raw>`),
    );
    expect(inBody).toEqual([
      expect.objectContaining({
        code: 'CSS_INVALID',
        severity: 'warning',
        message: expect.stringMatching(/does not parse \(line 1:\d+: .+\): \.broken \{ color: red/),
      }),
    ]);
    const inHead = await clientSupport(
      await compiled(
        PLAIN,
        HEAD.replace('</mj-head>', '<mj-style>.nl-text p { margin: 0</mj-style></mj-head>'),
      ),
    );
    expect(inHead.map((d) => d.code)).toEqual(['CSS_INVALID']);
    const inline = await clientSupport(await compiled(`${PLAIN}<mj-raw><div style="color">x</div></mj-raw>`));
    expect(inline).toEqual([
      expect.objectContaining({
        code: 'CSS_INVALID',
        message: expect.stringMatching(/^an inline style does not parse \(line 1:\d+: .+\): color$/),
      }),
    ]);
  });

  it('reports CSS that does not parse once for each distinct piece that holds it, as checking each piece did', async () => {
    const html =
      '<div><style>.broken { color: red</style><a href="https://example.org/a" style="color">a</a>' +
      '<a href="https://example.org/b" style="color">b</a><a href="https://example.org/a" style="color">a</a>' +
      '<p style="margin: 0">fine</p><style>.broken { color: red</style></div>';
    const { invalidCss } = await pageFailures(parseHtml(html), DEFAULT_CLIENTS);
    expect(invalidCss.map(({ where, css }) => `${where}: ${css}`)).toEqual([
      'a stylesheet: .broken { color: red',
      'an inline style: color',
      'an inline style: color',
    ]);
  });

  it('rejects an unknown client name', async () => {
    await expect(validateClients(['gmial.*'])).rejects.toThrow(/gmial/);
    await expect(validateClients(['gmail.*', 'outlook.windows'])).resolves.toBeUndefined();
  });
});
