// {{isolate}} wraps a name or date in <span dir="auto"> where its direction could change the line: in
// right-to-left text, and around right-to-left characters or direction controls. Left-to-right text in a
// left-to-right line is laid out the same without it, and goes without (24 bytes each).
import { describe, expect, it } from 'vitest';
import { TemplateEngine } from '../../src/render/engine.js';
import type { TemplateSet } from '../../src/render/templates.js';
import { SAMPLE_CONFIG } from '../helpers/sample-config.js';

const layout = (source: string, kind: 'mjml' | 'txt' = 'mjml'): TemplateSet => ({
  layouts: [{ name: 'default', kind, file: `templates/default.${kind}.hbs`, source }],
  partials: [],
});

function render(source: string, view: object, kind: 'mjml' | 'txt' = 'mjml'): string {
  const result = new TemplateEngine(layout(source, kind), SAMPLE_CONFIG).render('default', kind, view);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.rendered.output;
}

const EDITION = (dir: string) => ({ edition: { dir } });

describe('{{isolate}}', () => {
  it('writes left-to-right text in a left-to-right edition as it is', () => {
    expect(render('{{isolate name}}', { name: 'Maren Holt', ...EDITION('ltr') })).toBe('Maren Holt');
    expect(render('{{isolate name}}', { name: 'O’Brien & Co, 2026-12-02', ...EDITION('ltr') })).toBe(
      'O’Brien &amp; Co, 2026-12-02',
    );
  });

  it('isolates right-to-left text, and direction marks, in a left-to-right edition', () => {
    for (const name of ['ليلى أحمد', 'Dana לוי', 'Ann\u200F', 'x\u2067y\u2069'])
      expect(render('{{isolate name}}', { name, ...EDITION('ltr') })).toBe(`<span dir="auto">${name}</span>`);
  });

  it('isolates HTML that spells a right-to-left character or a direction mark as a reference', () => {
    for (const html of ['Ann&rlm;', 'Ann&lrm;', 'Ann&#x200F;', 'Ann&#1604;']) {
      const name = { toHTML: () => html }; // what Handlebars' SafeString gives, as another helper returns it
      expect(render('{{isolate name}}', { name, ...EDITION('ltr') })).toBe(`<span dir="auto">${html}</span>`);
    }
    expect(render('{{isolate name}}', { name: { toHTML: () => 'Ann &amp; Co' }, ...EDITION('ltr') })).toBe(
      'Ann &amp; Co',
    );
  });

  it('isolates everything in right-to-left text: the edition’s, or an article’s own', () => {
    expect(render('{{isolate name}}', { name: 'Maren Holt', ...EDITION('rtl') })).toBe(
      '<span dir="auto">Maren Holt</span>',
    );
    expect(
      render('{{#each articles}}{{isolate author}}{{/each}}', {
        articles: [{ author: 'Maren Holt', dir: 'rtl' }],
        ...EDITION('ltr'),
      }),
    ).toBe('<span dir="auto">Maren Holt</span>');
  });

  it('isolates where the direction is unknown', () => {
    expect(render('{{isolate name}}', { name: 'Maren Holt', edition: {} })).toBe(
      '<span dir="auto">Maren Holt</span>',
    );
  });

  it('writes the text alone in plain text', () => {
    expect(render('{{isolate name}}', { name: 'ليلى', ...EDITION('rtl') }, 'txt')).toBe('ليلى');
  });
});
