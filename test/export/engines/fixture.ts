// The project every engine test renders: the sample templates, one edition whose article holds every
// platform's template syntax as plain words (`literal`) and one without (`plain`), built by the real CLI,
// and `send --dry-run` to two subscribers, one named `Zoë&<Ann>` and one with no first name: what `send`
// writes for a subscriber is what each platform's engine must give that subscriber.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll } from 'vitest';
import { exportEdition, type EditionExport } from '../../../src/export/export-edition.js';
import { sourceLocator } from '../../../src/export/locate.js';
import type { Platform } from '../../../src/export/platform.js';
import { readKeptEdition, type KeptEdition } from '../../../src/send/stored-edition.js';
import { tempProject, type TempProject } from '../../helpers/project.js';

/** Every platform's syntax, as words an article might hold; and characters HTML escapes. */
export const LITERAL =
  'Write {{ first_name }}, {{{ raw }}}, {{ .Subscriber.Email }}, {% if x %}, {# note #}, *|FNAME|*, %recipient.name%, %unsubscribe_url% or [firstname,fallback=you]. And a < b & c.';

export interface Subscriber {
  email: string;
  /** Empty: the subscriber has no first name. */
  first_name: string;
  unsubscribe_url: string;
}

export const SUBSCRIBERS: Subscriber[] = [
  { email: 'zoe@example.org', first_name: 'Zoë&<Ann>', unsubscribe_url: 'https://example.org/u?id=1&list=2' },
  { email: 'noname@example.org', first_name: '', unsubscribe_url: 'https://example.org/u?id=2&list=2' },
];

type Defaults = KeptEdition['stored']['defaults'];

export interface Part {
  html: string;
  text: string;
}

export interface Fixture {
  project: TempProject;
  /** What `send --dry-run` wrote for each subscriber, by edition. */
  sent: Record<'literal' | 'plain', Part[]>;
  /**
   * The platform's export: the `literal` edition where the platform takes it whole; where it refuses the
   * syntax in the plain text (it has no escape there), the `literal` HTML and the `plain` text.
   */
  exported(platform: Platform): {
    export: Part;
    reference: (subscriber: number) => Part;
    /** The configured values of the fields a subscriber does not carry (the web version is the edition's). */
    defaults: Record<keyof Part, Defaults>;
  };
}

export async function makeFixture(): Promise<Fixture> {
  // The intro is what greets the subscriber by name ("Hi {{recipient "first_name"}},"), in both parts.
  const edition = (slug: string, words: string) => ({
    [`content/${slug}/edition.md`]: `---\nsubject: Literal syntax\npreheader: A short preheader\n---\nHello again.\n`,
    [`content/${slug}/01-words.txt`]: `Words\n\nA dek\n\nHello. ${words}\n\nA second paragraph.\n`,
  });
  const csv = [
    'email,first_name,unsubscribe_url',
    ...SUBSCRIBERS.map((s) => `${s.email},${s.first_name},${s.unsubscribe_url}`),
  ].join('\n');
  const project = await tempProject({
    ...edition('literal', LITERAL),
    ...edition('plain', 'Nothing special here.'),
    'subscribers.csv': `${csv}\n`,
  });
  const kept: Record<string, KeptEdition> = {};
  const sent = {} as Fixture['sent'];
  for (const slug of ['literal', 'plain'] as const) {
    const run = await project.run(['send', slug, '--recipients', 'subscribers.csv', '--dry-run']);
    if (run.code !== 0) throw new Error(`send ${slug} failed: ${run.stderr}`);
    kept[slug] = (await readKeptEdition(join(project.dir, 'out'), slug))!;
    const outbox = join(project.dir, 'out/.newsletter/outbox', slug);
    const names = (await readdir(outbox)).sort();
    sent[slug] = await Promise.all(
      names.map(async (name) => {
        const mail = await simpleParser(await readFile(join(outbox, name)));
        return { html: mail.html || '', text: mail.text ?? '' };
      }),
    );
  }
  const exportOf = (slug: string, platform: Platform): EditionExport =>
    exportEdition(
      { html: kept[slug]!.html, text: kept[slug]!.text, defaults: kept[slug]!.stored.defaults },
      platform,
      { locate: sourceLocator([]), files: { html: 'index.html', text: 'index.txt' } },
    );
  return {
    project,
    sent,
    exported(platform) {
      const literal = exportOf('literal', platform);
      if (literal.ok)
        return {
          export: literal,
          reference: (i) => sent.literal[i]!,
          defaults: { html: kept.literal!.stored.defaults, text: kept.literal!.stored.defaults },
        };
      const problems = literal.diagnostics.filter((d) => d.severity === 'error');
      if (!problems.every((d) => d.code === 'EXPORT_LITERAL_SYNTAX' && d.file === 'index.txt'))
        throw new Error(`${platform.name}: ${JSON.stringify(problems)}`);
      const plain = exportOf('plain', platform);
      if (!plain.ok) throw new Error(`${platform.name}: ${JSON.stringify(plain.diagnostics)}`);
      return {
        export: { html: literal.html, text: plain.text },
        reference: (i) => ({ html: sent.literal[i]!.html, text: sent.plain[i]!.text }),
        defaults: { html: kept.literal!.stored.defaults, text: kept.plain!.stored.defaults },
      };
    },
  };
}

/** The fixture for a test file: made before its tests, removed after them. */
export function useFixture(): () => Fixture {
  let fixture: Fixture | undefined;
  beforeAll(async () => {
    fixture = await makeFixture();
  }, 120_000);
  afterAll(() => fixture?.project.remove());
  return () => fixture!;
}
