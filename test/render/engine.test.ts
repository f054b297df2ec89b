import { describe, expect, it } from 'vitest';
import { TemplateEngine } from '../../src/render/engine.js';
import type { TemplateSet } from '../../src/render/templates.js';
import { SAMPLE_CONFIG } from '../helpers/sample-config.js';

const set = (layout: string, partials: Record<string, string> = {}): TemplateSet => ({
  layouts: [{ name: 'default', kind: 'mjml', file: 'templates/default.mjml.hbs', source: layout }],
  partials: Object.entries(partials).map(([name, source]) => ({
    name,
    kind: 'mjml',
    file: `templates/partials/${name}.mjml.hbs`,
    source,
  })),
});

describe('the template engine', () => {
  it('renders with partials and maps output lines back to the template that wrote them', () => {
    const engine = new TemplateEngine(
      set('line one\n{{> inner}}\nlast {{x}}', { inner: 'inner a\ninner b\n' }),
      SAMPLE_CONFIG,
    );
    const result = engine.render('default', 'mjml', { x: 1 });
    if (!result.ok) throw new Error('render failed');
    expect(result.rendered.output).toBe('line one\ninner a\ninner b\nlast 1');
    expect(result.rendered.origin(1)).toEqual({ file: 'templates/default.mjml.hbs', line: 1 });
    expect(result.rendered.origin(3)).toEqual({ file: 'templates/partials/inner.mjml.hbs', line: 2 });
    expect(result.rendered.origin(4).file).toBe('templates/default.mjml.hbs');
  });

  it('reports a missing value with the partial and line that used it', () => {
    const engine = new TemplateEngine(set('{{> inner}}', { inner: 'ok\n{{nope}}' }), SAMPLE_CONFIG);
    const result = engine.render('default', 'mjml', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({
      code: 'TEMPLATE_MISSING_VALUE',
      file: 'templates/partials/inner.mjml.hbs',
      line: 2,
    });
  });

  it('does not expose prototype properties to templates', () => {
    const engine = new TemplateEngine(set('[{{x.constructor.name}}]'), SAMPLE_CONFIG);
    const result = engine.render('default', 'mjml', { x: {} });
    expect(result.ok ? result.rendered.output : 'refused').not.toContain('Object');
  });

  it('reports a syntax error in a template even when nothing uses it', () => {
    const engine = new TemplateEngine(set('fine', { unused: 'a\n{{#if}}' }), SAMPLE_CONFIG);
    expect(engine.diagnostics[0]).toMatchObject({
      code: 'TEMPLATE_SYNTAX',
      file: 'templates/partials/unused.mjml.hbs',
    });
  });

  it('emits recipient fields as tokens, never as text a platform could misread', () => {
    const engine = new TemplateEngine(set('{{recipient "first_name"}}|{{unsubscribe_url}}'), SAMPLE_CONFIG);
    const result = engine.render('default', 'mjml', {});
    if (!result.ok) throw new Error('render failed');
    expect(result.rendered.output).toBe('\uE000first_name\uE001there\uE002|\uE000unsubscribe_url\uE002');
  });
});
