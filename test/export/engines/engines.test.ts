// Every platform's export rendered by that platform's own template engine (engines.ts), for two subscribers,
// from an edition whose article holds every platform's syntax as plain words: each subscriber must read what
// `send --dry-run` wrote for them (the same visible text and links in the HTML, the same plain text), with
// Outlook's conditional comments intact. Mailchimp, Mailgun and Campaign Monitor have no public engine: see
// documented-syntax.test.ts.
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../../src/export/registry.js';
import { normaliseText, read } from './compare.js';
import { ENGINES } from './engines.js';
import { LITERAL, useFixture, SUBSCRIBERS } from './fixture.js';

const fixture = useFixture();

describe.each(Object.entries(ENGINES))('%s', (name, { engine, missing, source }) => {
  const why = missing?.();
  const platform = PLATFORMS.find((p) => p.name === name)!;
  if (why) console.warn(`export engine test for ${name} skipped: ${why}`);

  it.skipIf(why)(`renders, through ${source}, what send writes for each subscriber`, () => {
    const { export: exported, reference, defaults } = fixture().exported(platform);
    const html = engine(exported, SUBSCRIBERS, defaults.html);
    const text = engine(exported, SUBSCRIBERS, defaults.text);
    SUBSCRIBERS.forEach((subscriber, i) => {
      const who = `${name}, ${subscriber.first_name || 'no first name'}`;
      const sent = reference(i);
      const mine = read(html[i]!.html);
      const theirs = read(sent.html);
      expect(mine.text, who).toBe(theirs.text);
      expect(mine.links, who).toEqual(theirs.links);
      expect(mine.conditionalComments, who).toBe(theirs.conditionalComments);
      expect(mine.conditionalComments, who).toBeGreaterThan(0);
      expect(normaliseText(text[i]!.text), who).toBe(normaliseText(sent.text));
    });
  });

  it.skipIf(why)("keeps the article's template syntax as words, and greets each subscriber", () => {
    const { export: exported, defaults } = fixture().exported(platform);
    const [named, nameless] = engine(exported, SUBSCRIBERS, defaults.html).map((r) => read(r.html).text);
    expect(named).toContain(LITERAL);
    expect(named).toContain('Hi Zoë&<Ann>,');
    expect(nameless).toContain('Hi there,');
  });
});
