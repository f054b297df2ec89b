import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';

describe('config', () => {
  it('fills defaults for what a config leaves out', () => {
    const { config, diagnostics } = parseConfig(
      '{ "name": "Weekly", "colors": { "brand": "#aa0000" } }',
      'newsletter.config.json',
    );
    expect(diagnostics).toEqual([]);
    expect(config.name).toBe('Weekly');
    expect(config.colors.brand).toBe('#aa0000');
    expect(config.colors.text).toBe(DEFAULT_CONFIG.colors.text);
    expect(config.language).toBe('en');
  });

  it('reports every problem at once, each at its line', () => {
    const source =
      '{\n  "name": "",\n  "url": "javascript:alert(1)",\n  "langauge": "fr",\n  "colors": { "brand": "red" },\n  "logo": { "src": "https://x.example/l.png" }\n}\n';
    const { diagnostics } = parseConfig(source, 'newsletter.config.json');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['CONFIG_INVALID', 2],
      ['CONFIG_INVALID', 3],
      ['CONFIG_UNKNOWN_KEY', 4],
      ['CONFIG_INVALID', 5],
      ['CONFIG_INVALID', 6],
      ['CONFIG_INVALID', 6],
    ]);
    expect(diagnostics[2].hint).toBe('did you mean "language"?');
  });

  it('reports invalid JSON with its position', () => {
    const { diagnostics } = parseConfig('{\n  "name": "x",\n}\n', 'newsletter.config.json');
    expect(diagnostics[0]).toMatchObject({ code: 'CONFIG_JSON', file: 'newsletter.config.json', line: 3 });
  });

  it('refuses header injection through single-line fields', () => {
    const { diagnostics } = parseConfig('{ "from": "A <a@b.example>\\r\\nBcc: x@y.example" }', 'c.json');
    expect(diagnostics[0].code).toBe('CONFIG_INVALID');
  });
});
