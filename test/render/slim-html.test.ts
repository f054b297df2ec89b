import { describe, expect, it } from 'vitest';
import { slimHtml, slimStyle } from '../../src/render/slim-html.js';

describe('slimHtml', () => {
  it('drops indentation between blocks, keeps one break where inline elements meet', () => {
    expect(slimHtml('<div>\n  <p>One <a href="x">two</a>\n    <b>three</b></p>\n</div>\n')).toBe(
      '<div><p>One <a href="x">two</a>\n<b>three</b></p></div>\n',
    );
  });

  it('keeps <pre> text and Outlook conditional comments byte for byte', () => {
    const pre = '<pre style="margin: 0; color: #ffffff;"><code>  a\n    b\n</code></pre>';
    const mso =
      '<!--[if mso | IE]>\n  <table role="presentation" border="0"><tr>\n  <td style="width: 600px;"><![endif]-->';
    const slim = slimHtml(`<div>\n  ${pre}\n  ${mso}\n  <p>x</p>\n</div>`);
    expect(slim).toContain('<pre style="margin:0;color:#fff"><code>  a\n    b\n</code></pre>');
    expect(slim).toContain(mso);
    expect(slim).toBe(
      `<div><pre style="margin:0;color:#fff"><code>  a\n    b\n</code></pre>${mso}<p>x</p></div>`,
    );
  });

  it('drops what the parser adds or ignores anyway, and a style that restates a cell attribute', () => {
    expect(
      slimHtml(
        '<table border="0" style><tbody><tr valign="top" style="vertical-align: top; color: red"><td align="left" style="text-align:left">x</td></tr></tbody></table><img src="a" height="auto" style="outline: none; width: 100%">',
      ),
    ).toBe(
      '<table><tr valign="top" style="color:red"><td align="left">x</td></tr></table><img src="a" height="auto" style="width:100%">',
    );
  });

  it("drops a table's declarations that its attributes say already or that cannot apply to it", () => {
    expect(
      slimHtml(
        '<table cellspacing="0" style="vertical-align:top;border-collapse:collapse;border-spacing:0;width:100%" width="100%"><tr><td style="vertical-align:top">x</td></tr></table>',
      ),
    ).toBe(
      '<table style="border-collapse:collapse" width="100%"><tr><td style="vertical-align:top">x</td></tr></table>',
    );
    // kept: another width, spacing without cellspacing="0", vertical-align on an inline table
    const kept =
      '<table style="width:50%;border-spacing:0" width="100%"><tr><td>x</td></tr></table><table style="display:inline-table;vertical-align:top"><tr><td>y</td></tr></table>';
    expect(slimHtml(kept)).toBe(kept);
  });

  it("drops a section table's second background and the full-width column class with its rules", () => {
    const page = (column: string) =>
      `<style type="text/css">@media only screen and (min-width:480px) { .${column} { width:100% !important; max-width: 100%; } }</style>` +
      `<style media="screen and (min-width:480px)">.moz-text-html .${column} { width:100% !important; max-width: 100%; }</style>` +
      '<div class="s" style="background-color:#fff;margin:0 auto">\n  <table cellspacing="0" style="background-color:#fff;width:100%"><tr><td>' +
      `<div class="${column} mj-outlook-group-fix" style="width:100%">x</div></td></tr></table></div>`;
    expect(slimHtml(page('mj-column-per-100'))).toBe(
      '<div class="s" style="background-color:#fff;margin:0 auto"><table cellspacing="0" style="width:100%"><tr><td>' +
        '<div class="mj-outlook-group-fix" style="width:100%">x</div></td></tr></table></div>',
    );
    // a page with a column of another width keeps them all
    const half = slimHtml(`${page('mj-column-per-100')}<div class="mj-column-per-50"></div>`);
    expect(half).toContain('.mj-column-per-100{');
    expect(half).toContain('class="mj-column-per-100 mj-outlook-group-fix"');
  });

  it('leaves direction:ltr where the page turns right-to-left somewhere', () => {
    expect(slimHtml('<div style="direction: ltr">a</div>')).toBe('<div>a</div>');
    expect(slimHtml('<div dir="rtl"><p style="direction: ltr">a</p></div>')).toBe(
      '<div dir="rtl"><p style="direction:ltr">a</p></div>',
    );
  });
});

describe('slimStyle', () => {
  it('writes the same declarations short', () => {
    expect(
      slimStyle(
        " font-family: Menlo, 'Courier New', monospace ; margin: 0px auto; color: #AABBCC !important; ",
      ),
    ).toBe("font-family:Menlo,'Courier New',monospace;margin:0 auto;color:#ABC!important");
    expect(slimStyle('padding: 10px 0px; background: #f3f4f6')).toBe('padding:10px 0;background:#f3f4f6');
    expect(slimStyle('background:#ffffff;background-color:#ffffff;width:100%')).toBe(
      'background-color:#fff;width:100%',
    );
  });
});
