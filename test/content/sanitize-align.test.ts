// A table cell keeps its alignment (Markdown's `---:`, `:---:`, or an align attribute in raw HTML) as one
// text-align declaration, and no other style.
import { expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../src/content/sanitize.js';
import { renderMarkdown } from '../../src/content/markdown.js';

it("keeps a cell's alignment and nothing else of its style", () => {
  const html = sanitizeArticleHtml(
    '<table><tr><th style="text-align: right;">a</th><td style="text-align:CENTER">b</td><td style="color:red">c</td>' +
      '<td align="left">d</td><td style="text-align:right;color:red">e</td><td align="justify">f</td></tr></table>',
  ).html;
  expect(html).toBe(
    '<table><tr><th style="text-align:right">a</th><td style="text-align:center">b</td><td>c</td>' +
      '<td style="text-align:left">d</td><td>e</td><td>f</td></tr></table>',
  );
});

it("keeps Markdown's column alignment", () => {
  const html = renderMarkdown('| a | b | c |\n|---|---:|:---:|\n| 1 | 2 | 3 |\n', 'x.md', 1).html.replace(
    /\n/g,
    '',
  );
  expect(html).toContain('<th>a</th><th style="text-align:right">b</th><th style="text-align:center">c</th>');
  expect(html).toContain('<td>1</td><td style="text-align:right">2</td><td style="text-align:center">3</td>');
});
