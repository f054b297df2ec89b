// Seeded random HTML for the differential tests of slimHtml: what MJML and juice write (tables with align and
// valign twins, a section's div and table painting one background, column classes, indentation between inline
// and block tags), the parts kept as they are (pre, textarea, style, script, comments, Outlook's conditional
// comments), and what no serialiser writes but a page may hold (a `>` inside a quoted value, a `<` in text,
// a style left open, a NUL).
import { random } from '../../bench/corpus.js';

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const SPACES = ['', '', ' ', '\n', '\n  ', '  \n\t  ', '\n\n    ', ' \r\n ', '\u00a0\n', '\t', '\n\u00a0 '];
const NAMES = [
  'div',
  'DIV',
  'table',
  'Table',
  'tbody',
  'tr',
  'td',
  'th',
  'p',
  'a',
  'span',
  'img',
  'b',
  'br',
  'center',
  'h1',
  'li',
  'section',
  'font',
];
const DECLARATIONS = [
  'background-color:#fff',
  'background-color:#ffffff',
  'background:#ffffff',
  'background-color: #AABBCC',
  'width:100%',
  'width: 600px',
  'direction:ltr',
  'direction: ltr',
  'vertical-align:top',
  'vertical-align: middle',
  'text-align:left',
  'text-align: center',
  'border-collapse:collapse',
  'border-spacing:0',
  'border-spacing: 0px',
  'outline:none',
  'text-decoration:none',
  'margin:0px auto',
  "font-family: Menlo , 'Courier New', monospace",
  'color:#AABBCC !important',
  'display:inline-table',
  'padding: 10px 0px',
  '',
  ' ',
];
const ATTRIBUTES = [
  () => ' align="left"',
  () => ' valign="top"',
  () => ' ALIGN="center"',
  () => ' border="0"',
  () => ' cellspacing="0"',
  () => ' width="100%"',
  () => ' width="600px"',
  () => ' class="mj-column-per-100 mj-outlook-group-fix"',
  () => ' class="mj-column-per-50"',
  () => ' class="mj-full-width-mobile"',
  () => ' style',
  () => ' style=""',
  () => ' dir="rtl"',
  () => ' role="presentation"',
  () => '\n  data-x="1"',
  () => ' href="https://example.com/?a=1&amp;b=2"',
  (rand: Rand) => ` href="https://example.com/${Math.floor(rand() * 1e6)}"`,
  () => ' href="https://example.com/?style="',
  () => ' href="a\n   b"',
  () => ' href=""',
  () => ' href="x" title=" href=""',
  () => ' title=" href="',
];

function style(rand: Rand): string {
  const count = Math.floor(rand() * 4);
  const css = Array.from({ length: count }, () => pick(rand, DECLARATIONS)).join(
    pick(rand, [';', '; ', ' ;']),
  );
  return ` style="${rand() < 0.2 ? `${css};` : css}"`;
}

function openTag(rand: Rand, name = pick(rand, NAMES)): string {
  const attributes = Array.from({ length: Math.floor(rand() * 4) }, () =>
    rand() < 0.4 ? style(rand) : pick(rand, ATTRIBUTES)(rand),
  );
  return `<${name}${attributes.join('')}${pick(rand, ['>', '>', ' >', '\n>'])}`;
}

const KEPT = [
  '<pre style="margin: 0px; color: #ffffff;"><code>  a\n    b\n</code></pre>',
  '<PRE>\n  x  </PRE >',
  '<textarea style="width: 100%">\n  kept\n</textarea>',
  '<!-- a comment -->',
  '<!-- a > b -->',
  '<!--[if mso | IE]><table role="presentation" border="0"><tr><td style="width: 600px;"><![endif]-->',
  '<!--[if !mso]><!-->',
  '<!--<![endif]-->',
  '<style type="text/css">\n  .a { color : red ; }\n  @media (max-width:480px) { .b { width: 100% !important; } }\n</style>',
  '<style type="text/css">@media only screen and (min-width:480px) { .mj-column-per-100 { width:100% !important; max-width: 100%; } }</style>',
  '<style media="screen and (min-width:480px)">.moz-text-html .mj-column-per-100 { width:100% !important; max-width: 100%; }</style>',
  '<style type="text/css">@media only screen and (max-width:479px) { table.mj-full-width-mobile { width: 100% !important; } }</style>',
  '<script>\n  var a = "<b>";\n</script>',
];

/** What a serialiser never writes: the slimming must still give what the reference gives. */
const ODD = [
  '<a title="x > y" style="color: red">',
  '<a title=" style=">',
  '<a <b style="color: red">',
  '<td style="a>b" align="left">',
  '<p style="color : red>x" >',
  '<table cellspacing="0" title=" style=">" style="border-collapse:collapse">',
  '<table cellspacing="0" title="a style border="0"=">border-collapse:collapse"',
  'a < b',
  'a > b',
  '<tbody',
  '<p style="color: red',
  '<p>\u0000\n<div>',
  '<a title="<!-- inside -->" style="color : red">',
];

function piece(rand: Rand, odd: boolean): string {
  const roll = rand();
  if (roll < 0.35) return openTag(rand);
  if (roll < 0.55) return `</${pick(rand, NAMES)}>`;
  if (roll < 0.65)
    return pick(rand, ['One', 'two words', 'x', '&nbsp;', 'rtl', 'a class="mj-column-per-100 b"']);
  if (roll < 0.72) return pick(rand, KEPT);
  if (roll < 0.8) {
    // a section's div and the table painting its colour again
    const colour = pick(rand, ['#fff', '#FFF', '#abcdef', '#f00']);
    return (
      `<div style="background-color:${colour};margin:0px auto">${pick(rand, SPACES)}` +
      pick(rand, [
        `<table style="background-color:${pick(rand, [colour, '#fff'])};width:100%">`,
        `<table align="center" border="0" cellspacing="0" style="background-color:${colour};width:100%;">`,
        '<tbody>',
        openTag(rand, 'table'),
      ])
    );
  }
  if (roll < 0.88) return `<tr${style(rand)} valign="top"><td align="left"${style(rand)}>`;
  if (odd && roll < 0.9) return pick(rand, ODD);
  return '';
}

/** `count` documents from `seed`; about one in five holds something no serialiser writes. */
export function randomPages(count: number, seed: number): string[] {
  const rand = random(seed);
  return Array.from({ length: count }, () => {
    const odd = rand() < 0.2;
    const pieces = Array.from({ length: 5 + Math.floor(rand() * 60) }, () => piece(rand, odd));
    return pieces.map((p) => `${p}${pick(rand, SPACES)}`).join('');
  });
}

/** `page` changed in a few places: a piece inserted after a tag, a tag's name in capitals, a character dropped. */
export function mutatePage(page: string, seed: number): string {
  const rand = random(seed);
  let html = page;
  for (let edit = 0; edit < 1 + Math.floor(rand() * 6); edit++) {
    const at = Math.floor(rand() * html.length);
    const roll = rand();
    if (roll < 0.5) {
      const end = html.indexOf('>', at) + 1;
      html = `${html.slice(0, end)}${pick(rand, SPACES)}${piece(rand, rand() < 0.3)}${html.slice(end)}`;
    } else if (roll < 0.7) {
      const open = html.indexOf('<', at);
      html = `${html.slice(0, open + 1)}${html.slice(open + 1, open + 4).toUpperCase()}${html.slice(open + 4)}`;
    } else if (roll < 0.8) html = `${html.slice(0, at)}${html.slice(at + 1)}`;
    else html = `${html.slice(0, at)}${pick(rand, SPACES)}${html.slice(at)}`;
  }
  return html;
}
