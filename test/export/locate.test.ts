// Finding where a piece of an exported part came from: by the words after it, white space matching any
// white space (the text part is wrapped), occurrence after occurrence.
import { describe, expect, it } from 'vitest';
import { locateAt, sourceLocator } from '../../src/export/locate.js';

const sources = [
  {
    file: 'content/ed/01-a.md',
    text: '---\ntitle: A\nimage_alt: a sign reading {{ name }}\n---\nWrite {{ name }} to greet\npeople by name.\n',
  },
  { file: 'content/ed/02-b.md', text: '---\ntitle: B\n---\nAgain, write {{ name }} to greet people.\n' },
  { file: 'templates/default.txt.hbs', text: 'Hi {{recipient "first_name"}},\n' },
];
const locate = sourceLocator(sources);

describe('where exported text came from', () => {
  it('finds the words after a match, across a line break the source has and the text has not', () => {
    const text = 'Write {{ name }} to greet people by name.\n';
    const found = locateAt(locate, text, text.indexOf('{{'), '{{');
    expect(found?.location).toEqual({ file: 'content/ed/01-a.md', line: 5, column: 7 });
  });

  it('finds each repeat in its own article, in order, never the image text that does not reach the part', () => {
    const text = 'Write {{ name }} to greet people by name.\n\nAgain, write {{ name }} to greet people.\n';
    const first = locateAt(locate, text, text.indexOf('{{'), '{{');
    const second = locateAt(locate, text, text.lastIndexOf('{{'), '{{', first?.next);
    expect([first?.location.file, first?.location.line]).toEqual(['content/ed/01-a.md', 5]);
    expect([second?.location.file, second?.location.line]).toEqual(['content/ed/02-b.md', 4]);
  });

  it('falls back to fewer words, and wraps round to the top when nothing follows the cursor', () => {
    const text = '{{ name }} reworded by Markdown';
    expect(locateAt(locate, text, 0, '{{')?.location.line).toBe(3);
    const last = { source: 2, offset: 0 };
    expect(locate('Write {{ name }}', last)?.location).toEqual({
      file: 'content/ed/01-a.md',
      line: 5,
      column: 1,
    });
    expect(locate('nowhere at all')).toBeUndefined();
  });
});
