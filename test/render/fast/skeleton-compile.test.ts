// The skeleton compile (src/render/fast/skeleton-compile.ts) promises MJML's HTML for the whole document, byte for
// byte, or nothing (then the document is compiled whole). These documents each make MJML do something with
// the text the skeleton leaves out; the skeleton compile must give what MJML gives, or step aside.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileAsSkeleton } from '../../../src/render/fast/skeleton-compile.js';
import { MJML_OPTIONS } from '../../../src/render/mjml-options.js';
import { mjmlHere } from '../../../src/render/fast/compile.js';
import { holeCounts } from '../../../src/render/fast/inline-holes.js';

const require = createRequire(import.meta.url);
const mjml2html = require('mjml') as (
  mjml: string,
  options: object,
) => Promise<{ html: string; errors: unknown[] }>;

const doc = (body: string, head = '') => `<mjml><mj-head>${head}</mj-head><mj-body>${body}</mj-body></mjml>`;
const column = (inner: string) => `<mj-section><mj-column>${inner}</mj-column></mj-section>`;

/** What newsletter gets for the document: the skeleton compile's HTML, or MJML's when it steps aside. */
async function compiled(source: string): Promise<{ html: string; errors: unknown[] }> {
  const html = await compileAsSkeleton(source, undefined, mjmlHere);
  return html === undefined ? mjml2html(source, MJML_OPTIONS) : { html, errors: [] };
}

async function expectSameAsWhole(source: string) {
  const whole = await mjml2html(source, MJML_OPTIONS);
  const result = await compiled(source);
  expect(result.errors.length).toBe(whole.errors.length);
  expect(result.html).toBe(whole.html);
}

describe('the skeleton compile gives what MJML gives for the whole document', () => {
  it('with mj-html-attributes, whose selectors reach into the text and which rewrites it', async () => {
    const head = (path: string) =>
      `<mj-html-attributes><mj-selector path="${path}"><mj-html-attribute name="data-id">42</mj-html-attribute></mj-selector></mj-html-attributes>`;
    await expectSameAsWhole(
      doc(column('<mj-text css-class="intro"><p class="lead">Hello</p></mj-text>'), head('.lead')),
    );
    await expectSameAsWhole(
      doc(column('<mj-text css-class="intro">a<br>b <img src="x.png"></mj-text>'), head('.intro')),
    );
  });

  it('with mj-font, linked only when the text or the inline CSS uses it', async () => {
    const font = '<mj-font name="Lora" href="https://fonts.example/lora.css" />';
    await expectSameAsWhole(
      doc(column('<mj-text><p style="font-family: Lora, serif">Set in Lora</p></mj-text>'), font),
    );
    await expectSameAsWhole(
      doc(
        column('<mj-text><p>Set in Lora</p></mj-text>'),
        `${font}<mj-style inline="inline">p { font-family: Lora, serif; }</mj-style>`,
      ),
    );
    await expectSameAsWhole(doc(column('<mj-text font-family="Lora">Set in Lora</mj-text>'), font));
  });

  it('with inline mj-styles that are empty, carry another attribute, or stand where MJML does not apply them', async () => {
    const body = column('<mj-text>a<br>b &nbsp; <img src="x.png"><p>c</p></mj-text>');
    await expectSameAsWhole(doc(body, '<mj-style inline="inline"></mj-style>')); // juice still runs, and rewrites <br>
    await expectSameAsWhole(
      doc(body, '<mj-style inline="inline" media="print">p { color: red; }</mj-style>'),
    ); // an error
    await expectSameAsWhole(
      `<mjml><mj-style inline="inline">p { color: red; }</mj-style><mj-body>${body}</mj-body></mjml>`,
    );
    await expectSameAsWhole(
      `<mjml><mj-head><mj-title>T</mj-title></mj-head><mj-head><mj-style inline="inline">p { color: red; }</mj-style></mj-head><mj-body>${body}</mj-body></mjml>`,
    );
    // in mj-body MJML throws: the skeleton compile must not hide that
    const inBody = doc(`<mj-style inline="inline">p { color: red; }</mj-style>${body}`);
    await expect(mjml2html(inBody, MJML_OPTIONS)).rejects.toThrow();
    expect(await compileAsSkeleton(inBody, undefined, mjmlHere)).toBeUndefined();
  });

  it('with Outlook conditional comments, which MJML rewrites, around or inside the text', async () => {
    // content between mj-raws that open and close a conditional block: MJML collapses its whitespace
    await expectSameAsWhole(
      doc(
        column(
          '<mj-raw><!--[if !mso]><!--></mj-raw><mj-text><p>Not   in Outlook</p>\n  <p>b</p></mj-text><mj-raw><!--<![endif]--></mj-raw>',
        ),
      ),
    );
    await expectSameAsWhole(
      doc(
        column(
          '<mj-raw><!--[if !mso]><!--></mj-raw><mj-button href="https://a.example/?q=a   b">Go</mj-button><mj-raw><!--<![endif]--></mj-raw>',
        ),
      ),
    );
    // an attribute MJML copies, with the end and start of two conditionals in it: MJML merges them
    await expectSameAsWhole(doc(column('<mj-image src="a.png" alt="a<![endif]--> <!--[if mso | IE]>b" />')));
    await expectSameAsWhole(
      doc(column('<mj-button href="https://a.example/<![endif]--><!--[if mso | IE]>">Go</mj-button>')),
    );
  });

  it('inlines CSS by holes from the second edition of a layout on, title and all', async () => {
    // MJML writes the title twice (in <title> and in an aria-label): the holes way must still serve it
    const edition = (text: string) =>
      doc(
        column(
          `<mj-text css-class="nl-text"><p>${text}</p><p><a href="https://a.example/">link</a></p></mj-text><mj-button href="https://b.example/${text}">Go</mj-button>`,
        ),
        `<mj-title>Issue about ${text}</mj-title><mj-style inline="inline">.nl-text p { color: #222; } .nl-text a { color: #0a58ca; }</mj-style>`,
      );
    const before = holeCounts.pages;
    for (const text of ['one', 'two', 'three']) await expectSameAsWhole(edition(text));
    expect(holeCounts.pages - before).toBe(2);
  });
});
