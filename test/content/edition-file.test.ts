import { describe, expect, it } from 'vitest';
import { parseEditionFile } from '../../src/content/edition-file.js';

describe('edition.md', () => {
  it('keeps unknown keys for templates, but drops one holding a scripting URL, at its line', () => {
    const text = '---\nsubject: Hello\nsponsor: Acme\nsponsor_url: "vbscript:msgbox(1)"\n---\nA note.\n';
    const { edition, diagnostics } = parseEditionFile(text, 'content/e/edition.md');
    expect(diagnostics).toMatchObject([{ code: 'UNSAFE_URL', file: 'content/e/edition.md', line: 4 }]);
    expect(edition!.extra).toEqual({ sponsor: 'Acme' });
    expect(edition!.subject).toBe('Hello');
  });
});
