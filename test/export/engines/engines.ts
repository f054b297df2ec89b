// Each platform's real template engine where one installs here, fed each subscriber the way the platform
// feeds it: Handlebars (SendGrid, Amazon SES), liquidjs (Kit), Mustachio's rules (Postmark, src/preview/engines/mustachio.ts),
// Go's html/template run as listmonk runs it (listmonk.go, Debian's golang-go) and Django's templates
// (Buttondown, Brevo; Debian's python3-django). An engine that is not installed is reported, not faked.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { Liquid } from 'liquidjs';
import type { RecipientValues } from '../../../src/render/tokens.js';
import type { Part, Subscriber } from './fixture.js';
import { renderMustachio } from '../../../src/preview/engines/mustachio.js';

export type Engine = (part: Part, subscribers: Subscriber[], defaults: RecipientValues) => Part[];

const both =
  (render: (template: string, part: 'html' | 'text', i: number) => string) =>
  (part: Part, subscribers: Subscriber[]) =>
    subscribers.map((_, i) => ({ html: render(part.html, 'html', i), text: render(part.text, 'text', i) }));

function handlebars(data: (s: Subscriber, defaults: RecipientValues) => object): Engine {
  return (part, subscribers, defaults) => {
    const html = Handlebars.create().compile(part.html);
    const text = Handlebars.create().compile(part.text);
    return subscribers.map((s) => ({ html: html(data(s, defaults)), text: text(data(s, defaults)) }));
  };
}

const liquid: Engine = (part, subscribers, defaults) => {
  const engine = new Liquid();
  return both((template, _, i) =>
    engine.parseAndRenderSync(template, {
      subscriber: { first_name: subscribers[i]!.first_name, email_address: subscribers[i]!.email },
      unsubscribe_url: subscribers[i]!.unsubscribe_url,
      subscriber_preferences_url: defaults.preferences_url,
    }),
  )(part, subscribers);
};

const postmark: Engine = (part, subscribers) =>
  both((template, _, i) =>
    renderMustachio(
      template,
      { first_name: subscribers[i]!.first_name, email: subscribers[i]!.email },
      subscribers[i]!.unsubscribe_url,
    ),
  )(part, subscribers);

/** Go's html/template through listmonk.go, compiled once into a temporary folder that also holds Go's caches. */
let goProgram: string | undefined;
export function goAvailable(): string | undefined {
  if (spawnSync('go', ['version']).status !== 0)
    return 'Go is not installed (Debian: apt-get install golang-go)';
  return undefined;
}
const listmonk: Engine = (part, subscribers, defaults) => {
  if (!goProgram) {
    const dir = mkdtempSync(join(tmpdir(), 'listmonk-engine-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    // Go's module and build caches inside the temporary folder, and no network.
    const env = {
      ...process.env,
      GOCACHE: join(dir, 'cache'),
      GOPATH: join(dir, 'path'),
      GOMODCACHE: join(dir, 'mod'),
      GOPROXY: 'off',
      GOFLAGS: '',
      GO111MODULE: 'off',
      GOTELEMETRY: 'off',
    };
    const program = join(dir, 'listmonk');
    execFileSync('go', ['build', '-o', program, join(import.meta.dirname, 'listmonk.go')], { env, cwd: dir });
    goProgram = program;
  }
  const input = JSON.stringify({
    ...part,
    manage: defaults.preferences_url,
    message: defaults.web_version_url,
    subscribers: subscribers.map((s) => ({
      name: s.first_name,
      email: s.email,
      unsubscribe: s.unsubscribe_url,
    })),
  });
  return JSON.parse(execFileSync(goProgram, { input, encoding: 'utf8' })) as Part[];
};

/** A Python that can import Django: the one on PATH, else Debian's own. */
let python: string | undefined;
export function djangoAvailable(): string | undefined {
  python = ['python3', '/usr/bin/python3'].find(
    (candidate) => spawnSync(candidate, ['-c', 'import django']).status === 0,
  );
  return python ? undefined : 'Django is not installed (Debian: apt-get install python3-django)';
}
function django(context: (s: Subscriber, defaults: RecipientValues) => object): Engine {
  return (part, subscribers, defaults) => {
    const input = JSON.stringify({ ...part, contexts: subscribers.map((s) => context(s, defaults)) });
    const script = join(import.meta.dirname, 'django_render.py');
    return JSON.parse(execFileSync(python!, [script], { input, encoding: 'utf8' })) as Part[];
  };
}

/** Each platform's engine, or why it cannot run here. */
export const ENGINES: Record<string, { engine: Engine; missing?: () => string | undefined; source: string }> =
  {
    sendgrid: {
      source: 'Handlebars',
      engine: handlebars((s, d) => ({
        first_name: s.first_name,
        email: s.email,
        unsubscribe: s.unsubscribe_url,
        unsubscribe_preferences: d.preferences_url,
      })),
    },
    ses: {
      source: 'Handlebars',
      // {{amazonSESUnsubscribeUrl}} is SES's own placeholder, which SES replaces with its subscription
      // management link (SES developer guide, "Using subscription management"), not template data.
      engine: (part, subscribers, defaults) =>
        subscribers.map(
          (s) =>
            handlebars(() => ({ first_name: s.first_name, email: s.email }))(
              {
                html: part.html.replaceAll(
                  '{{amazonSESUnsubscribeUrl}}',
                  s.unsubscribe_url.replaceAll('&', '&amp;'),
                ),
                text: part.text.replaceAll('{{amazonSESUnsubscribeUrl}}', s.unsubscribe_url),
              },
              [s],
              defaults,
            )[0]!,
        ),
    },
    kit: { source: 'liquidjs', engine: liquid },
    postmark: { source: "Mustachio's rules (src/preview/engines/mustachio.ts)", engine: postmark },
    listmonk: { source: "Go's html/template (listmonk.go)", engine: listmonk, missing: goAvailable },
    buttondown: {
      source: 'Django templates',
      missing: djangoAvailable,
      engine: django((s, d) => ({
        subscriber: { metadata: { first_name: s.first_name }, email: s.email },
        unsubscribe_url: s.unsubscribe_url,
        email_url: d.web_version_url,
      })),
    },
    brevo: {
      source: 'Django templates',
      missing: djangoAvailable,
      engine: django((s, d) => ({
        contact: { FIRSTNAME: s.first_name, EMAIL: s.email },
        unsubscribe: s.unsubscribe_url,
        update_profile: d.preferences_url,
        mirror: d.web_version_url,
      })),
    },
  };
