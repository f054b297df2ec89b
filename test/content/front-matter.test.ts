import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/content/front-matter.js';

describe('splitFrontMatter', () => {
  it('parses YAML and says where the body starts', () => {
    const fm = splitFrontMatter('---\ntitle: Hello\ntags: [a, b]\n---\nBody\n', 'a.md');
    expect(fm.diagnostics).toEqual([]);
    expect(fm.data).toEqual({ title: 'Hello', tags: ['a', 'b'] });
    expect(fm.body).toBe('Body\n');
    expect(fm.bodyLine).toBe(5);
  });

  it('returns the whole text as body when there is no front matter', () => {
    expect(splitFrontMatter('Just text\n', 'a.md')).toMatchObject({ data: {}, body: 'Just text\n', bodyLine: 1 });
  });

  it('reports a YAML error at its line counted from the top of the file', () => {
    const fm = splitFrontMatter('---\ntitle: ok\ndek: "unclosed\n---\nBody\n', 'content/x.md');
    expect(fm.diagnostics).toHaveLength(1);
    expect(fm.diagnostics[0]).toMatchObject({ code: 'FRONT_MATTER_YAML', severity: 'error', file: 'content/x.md', line: 3, column: 6 });
  });

  it('refuses executable front matter', () => {
    const fm = splitFrontMatter('---js\n{ title: require("fs") }\n---\nBody\n', 'a.md');
    expect(fm.diagnostics[0]).toMatchObject({ code: 'FRONT_MATTER_JS', line: 1 });
    expect(fm.data).toEqual({});
  });

  it('reports a block that never closes', () => {
    expect(splitFrontMatter('---\ntitle: x\nBody\n', 'a.md').diagnostics[0].code).toBe('FRONT_MATTER_UNCLOSED');
  });

  it('rejects front matter that is not a map', () => {
    expect(splitFrontMatter('---\n- a\n- b\n---\nBody\n', 'a.md').diagnostics[0].code).toBe('FRONT_MATTER_NOT_MAP');
  });

  it('cannot pollute prototypes', () => {
    const fm = splitFrontMatter('---\ntitle: x\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n---\nBody\n', 'a.md');
    expect(fm.data).toEqual({ title: 'x' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(fm.data)).toBe(Object.prototype);
  });

  it('does not resolve custom tags into code', () => {
    const fm = splitFrontMatter('---\ntitle: !!js/function "function () { return 1 }"\n---\nBody\n', 'a.md');
    expect(typeof fm.data.title).not.toBe('function');
  });
});
