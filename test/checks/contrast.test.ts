import { describe, expect, it } from 'vitest';
import { contrastRule } from '../../src/checks/contrast.js';
import { built, GOOD_BODY } from './helpers.js';

const withBlock = (html: string) => built({ body: `${GOOD_BODY}${html}` });

describe('contrast rule', () => {
  it('fails light grey body text on white, once per colour pair, with a count', async () => {
    const found = contrastRule(
      await withBlock('<p style="color:#aaaaaa">Small print</p><p style="color: #AAA">More small print</p>'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'A11Y_CONTRAST', severity: 'error' });
    expect(found[0].message).toBe(
      'text #aaaaaa on #ffffff has a contrast of 2.32:1, under WCAG AA\'s 4.5:1 (2 places, e.g. "Small print")',
    );
  });

  it('takes the background from the nearest ancestor that sets one (style, shorthand or bgcolor)', async () => {
    const dark =
      '<td bgcolor="#1c1d20"><div style="background:#1c1d20 no-repeat"><p style="color:#333333">Dark on dark</p></div></td>';
    expect(contrastRule(await withBlock(`<table><tr>${dark}</tr></table>`))).toHaveLength(1);
    const light =
      '<div style="background-color: rgb(28, 29, 32)"><p style="color:#ececec">Light on dark</p></div>';
    expect(contrastRule(await withBlock(light))).toEqual([]);
  });

  it('holds large text to 3:1 only', async () => {
    // #949494 on white is 3.03:1: enough for 24px text or 19px bold, not for body text
    expect(contrastRule(await withBlock('<p style="font-size:24px;color:#949494">Large</p>'))).toEqual([]);
    expect(
      contrastRule(await withBlock('<h2 style="font-size:19px;color:#949494">Bold heading</h2>')),
    ).toEqual([]);
    expect(
      contrastRule(await withBlock('<p style="font-size:19px;color:#949494">Not bold</p>')),
    ).toHaveLength(1);
  });

  it('gives each text what its own ancestors set, among siblings and cousins that set other things', async () => {
    const html =
      '<div style="background:#ffffff;color:#aaaaaa">Grey one<p style="color:#000000">Black<span>black too</span></p>' +
      'Grey two<p>Grey three <b style="font-size:24px">large grey</b></p><div style="display:none">hidden</div>' +
      '<p style="background-image:url(x.png)">over an image</p><p style="font-size:24px">large <i>grey</i></p></div>';
    expect(contrastRule(await withBlock(html)).map((d) => d.message)).toEqual([
      'text #aaaaaa on #ffffff has a contrast of 2.32:1, under WCAG AA\'s 4.5:1 (3 places, e.g. "Grey one")',
      'text #aaaaaa on #ffffff has a contrast of 2.32:1, under WCAG AA\'s 3:1 (3 places, e.g. "large grey")',
    ]);
  });

  it('skips hidden text, text over images and colours it cannot read', async () => {
    const html =
      '<div style="display:none;color:#ffffff">preheader</div>' +
      '<div style="background-image:url(hero.jpg)"><p style="color:#eeeeee">Over a photo</p></div>' +
      '<p style="color:var(--muted)">Variable</p>';
    expect(contrastRule(await withBlock(html))).toEqual([]);
  });
});
