// The command line: parses arguments with commander and hands each command to src/commands/.
// This is the only place that decides exit codes; stack traces show only with --debug.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Most command modules are imported when their command runs (see the actions), so that `--help` and each
// command load only what they use: the modules behind all commands together take a few hundred ms to load.
import { DEFAULT_SCREENSHOT_WIDTH, parsePort, parseWidth } from './commands/arguments.js';
import { EXIT, processIo, type Io } from './commands/io.js';
import { PLATFORM_NAMES } from './export/registry.js';
import { DEBUG_ENV } from './diagnostics/diagnostic.js';
import { PACKAGE_ROOT } from './package-root.js';
import { renderPathProblem } from './render/render-path.js';
import { STARTERS } from './starters/starters.js';

const STARTER_LIST = Object.keys(STARTERS).join(', ');

const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/** The options every command that reads a project shares. */
export function withProjectOptions(command: Command): Command {
  return command
    .option(
      '--root <dir>',
      'project folder (default: the nearest folder at or above this one with newsletter.config.json, else this one)',
    )
    .option('--content <dir>', 'folder of editions, relative to the project folder', 'content')
    .option(
      '--templates <dir>',
      "folder of MJML/Handlebars templates (default: templates, else the built-in 'digest' starter)",
    )
    .option('--out <dir>', 'output folder', 'out')
    .option('--config <file>', 'config file (default: newsletter.config.json, optional)')
    .option('--json', 'print results as JSON on stdout (messages stay on stderr)')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'));
}

export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('newsletter')
    .description(
      'Render newsletter editions from Markdown and plain-text articles into responsive HTML, plain text and .eml.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .addHelpText(
      'after',
      `
A writer's loop:
  $ newsletter init my-letter                  a new project: config, content/, templates/ from a starter
  $ newsletter new 2026-12-issue               a new edition in content/, dated today
  $ newsletter preview                         live preview at http://127.0.0.1:4000/
  $ newsletter build                           out/<slug>/index.html, index.txt, message.eml, manifest.json
  $ newsletter check --strict                  the gate for CI: size, links, images, accessibility, spam...
  $ newsletter send <slug> --to me@example.org test send (SMTP_URL, or the local \`newsletter inbox\`)
  $ newsletter export <slug> --platform mailchimp

Run \`newsletter <command> --help\` for a command's options and examples.
Exit codes: 0 success, 1 content, template, check or send failure, 2 usage or configuration error.`,
    );

  program
    .command('init')
    .description(
      'Create a newsletter project: newsletter.config.json, content/ with a first edition, templates/ from a starter',
    )
    .argument('[dir]', 'folder to create it in (default: this one)')
    .option('--name <name>', "the newsletter's name (default: from the folder name)")
    .option(
      '--from <mailbox>',
      'the sender, exactly one mailbox: "Harbour Letter <letters@harbourletter.org>"',
    )
    .option('--url <url>', 'http(s) address where out/ will be published')
    .option('--unsubscribe-url <url>', 'http(s) address of the unsubscribe page')
    .option('--postal-address <text>', 'postal address for the footer')
    .option('--language <tag>', 'language tag, like en or pt-BR (default: en)')
    .option('--starter <name>', `layout to start from: ${STARTER_LIST} (default: digest)`)
    .option('--yes', 'ask nothing: take the flags and the defaults')
    .option('--force', 'write even into a non-empty folder, replacing files with the same names')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'))
    .addHelpText(
      'after',
      `
On a terminal, init asks for what the flags leave out; elsewhere (or with --yes) it takes the defaults.
Run inside the newsletter repository without [dir], it makes the repository yours: the sample moves to
examples/field-notes/ and content/ gets your first edition.

Examples:
  $ newsletter init harbour-letter
  $ newsletter init harbour-letter --yes --name "Harbour Letter" --starter links \\
      --from "Harbour Letter <letters@harbourletter.org>" --url https://harbourletter.org/letters \\
      --unsubscribe-url https://harbourletter.org/unsubscribe --postal-address "1 Quay Street, Portree"

Exit codes: 0 created, 2 bad input (the flag is named), a folder that is not empty, or a file that exists.`,
    )
    .action(async (dir: string | undefined, options) =>
      setExit(await (await import('./commands/init.js')).initCommand({ ...options, dir }, io)),
    );

  program
    .command('new')
    .description('Add an edition: content/<slug>/ with edition.md (dated today) and a first article')
    .argument('<slug>', "the edition's name in content/ and out/, like 2026-12-harbour")
    .option('--single', 'one file, content/<slug>.md, instead of a folder')
    .option('--starter <name>', `article shape: ${STARTER_LIST} (default: the project's templates' starter)`)
    .option(
      '--root <dir>',
      'project folder (default: the nearest with newsletter.config.json, else this one)',
    )
    .option('--content <dir>', 'folder of editions, relative to the project folder', 'content')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'))
    .addHelpText(
      'after',
      `
Examples:
  $ newsletter new 2026-12-harbour          content/2026-12-harbour/edition.md and 01-first-story.md
  $ newsletter new quick-note --single      content/quick-note.md

Prints the path it created. Exit codes: 0 created, 2 the slug exists (nothing is touched) or is not valid.`,
    )
    .action(async (slug: string, options) =>
      setExit(await (await import('./commands/new.js')).newCommand({ ...options, slug }, io)),
    );

  withProjectOptions(
    program
      .command('build')
      .description('Build editions into out/<slug>/: index.html, index.txt, message.eml, manifest.json')
      .argument('[slug...]', 'editions to build (default: all)')
      .option('--force', 'rebuild every edition, even those unchanged since the last build')
      .option('--strict', 'exit 1 when a check finds an error in an edition (it is still written)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ newsletter build                      build every edition in content/ (unchanged ones are skipped)
  $ newsletter build 2026-11-field-notes  build one edition
  $ newsletter build --force              rebuild all, e.g. after editing a file in out/ by hand
  $ newsletter build --json | jq .        machine-readable results
  $ newsletter build --strict             for CI: check errors (size, alt text, links...) fail the run

Editions with check errors are written all the same; their findings are in manifest.json.
Exit codes: 0 built, 1 an edition failed (or, with --strict, has check errors), 2 usage or configuration error.`,
    )
    .action(async (slugs: string[], options) => {
      (await import('./workers/early-mjml.js')).startMjmlEarly({ ...options, slugs });
      setExit(await (await import('./commands/build.js')).buildCommand({ ...options, slugs }, io));
    });

  withProjectOptions(
    program
      .command('clean')
      .description('Remove what build wrote for editions that no longer have a source in the content folder')
      .option('--dry-run', 'list what would be removed; remove nothing'),
  )
    .addHelpText(
      'after',
      `
Only folders of out/ holding a manifest.json that build wrote are touched, and in them only the files
that manifest lists: anything else stays. The archive page and feed are written again without them.

Examples:
  $ newsletter clean --dry-run            what would go
  $ newsletter clean --json | jq '.editions[].slug'

Exit codes: 0 cleaned (or nothing to clean), 1 a file could not be removed, 2 usage or configuration error.`,
    )
    .action(async (options) =>
      setExit(await (await import('./commands/clean.js')).cleanCommand(options, io)),
    );

  withProjectOptions(
    program
      .command('check')
      .description(
        'Build editions (writing nothing unless --out is given) and run every deliverability and rendering rule',
      )
      .argument('[slug...]', 'editions to check (default: all)')
      .option('--strict', 'treat warnings as errors')
      .option('--online', 'also request every link and image (HEAD, then GET) and report the broken ones')
      .option('--timeout <seconds>', 'with --online: how long each request may take', '10')
      .option('--spam', 'also run SpamAssassin offline (spamassassin -L) on each message')
      .option(
        '--clients <list>',
        'email clients for client support, comma-separated (default: config checkClients, else gmail.*,outlook.*,apple-mail.*,yahoo.*)',
      ),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ newsletter check                          every rule on every edition; writes nothing
  $ newsletter check --strict                 fail on warnings too (for CI)
  $ newsletter check 2026-11-field-notes --online --spam
  $ newsletter check --clients gmail.*,outlook.windows --json | jq '.editions[].diagnostics'
  $ newsletter check --out out                check and write the editions, as build does

Exit codes: 0 no errors, 1 errors (warnings too with --strict), 2 usage error (bad option, --spam without SpamAssassin).`,
    )
    .action(async (slugs: string[], options, command: Command) =>
      setExit(
        await (
          await import('./commands/check.js')
        ).checkCommand({ ...options, slugs, outGiven: command.getOptionValueSource('out') === 'cli' }, io),
      ),
    );

  withProjectOptions(
    program
      .command('send')
      .description('Send test copies of a built edition over SMTP, one personalised message per recipient')
      .argument('<slug>', 'the edition to send (built first if it has not been, or has changed)')
      .option(
        '--to <addresses>',
        'recipients, comma-separated; repeatable',
        (value: string, previous: string[] = []) => [...previous, value],
      )
      .option('--recipients <file>', 'CSV or JSON recipients: email, first_name and other recipient fields')
      .option('--dry-run', 'send nothing: write each message to out/.newsletter/outbox/<slug>/')
      .option('--yes', 'allow more than 25 recipients')
      .option('--no-test-prefix', 'do not mark the subject [TEST]')
      .option(
        '--embed-images',
        'attach local images inline (cid:) instead of linking to their published URLs',
      )
      .option('--insecure', 'allow a non-loopback server without STARTTLS (passwords may travel in clear)')
      .option('--require-tls', 'require STARTTLS even on loopback')
      .option('--timeout <seconds>', 'bound connection, greeting and socket waits', '30'),
  )
    .addHelpText(
      'after',
      `
SMTP settings come from the environment or a .env file in the project, never from the config:
  SMTP_URL=smtp://user:password@smtp.example.org:587   (smtps://...:465 for TLS from the start)
  or SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_SECURE; SMTP_CA=cert.pem trusts a test certificate.
Without them, send delivers to a running \`newsletter inbox\`.

Examples:
  $ newsletter send 2026-11-field-notes --to me@example.org
  $ newsletter send 2026-11-field-notes --recipients test-list.csv
  $ newsletter send kursk-talks --to me@example.org --dry-run

Exit codes: 0 every recipient accepted, 1 a recipient was not (or the server could not be used), 2 usage or configuration error.`,
    )
    .action(async (slug: string, options) =>
      setExit(await (await import('./commands/send.js')).sendCommand({ ...options, slug }, io)),
    );

  program
    .command('inbox')
    .description(
      'Run a local mail catcher on 127.0.0.1 that keeps every message under out/.newsletter/inbox/',
    )
    .option('--port <port>', 'SMTP port (0 picks a free one)', '2525')
    .option(
      '--root <dir>',
      'project folder (default: the nearest with newsletter.config.json, else this one)',
    )
    .option('--out <dir>', 'output folder, relative to the project folder', 'out')
    .option('--json', 'print events as JSON lines on stdout')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'))
    .addHelpText(
      'after',
      `
Examples:
  $ newsletter inbox                      listen on 127.0.0.1:2525 until Ctrl-C
  $ newsletter inbox --port 0 --json      any free port; {"event":"listening","port":...} on stdout

Exit codes: 0 stopped with Ctrl-C or SIGTERM, 2 cannot listen on the port.`,
    )
    .action(async (options) =>
      setExit(await (await import('./commands/inbox.js')).inboxCommand(options, io)),
    );

  withProjectOptions(
    program
      .command('preview')
      .description('Build the editions and serve them with live reload, the local inbox beside them')
      .option(
        '--port <port>',
        'port to listen on (default: 4000, or the next free one); 0 picks any free port',
        parsePort,
      )
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--open', 'open the preview in the default browser')
      .option('--no-inbox', 'do not start the local inbox')
      .option('--inbox-port <port>', 'SMTP port of the local inbox (default: a free one)', parsePort)
      .option(
        '--recipients <file>',
        "subscribers for the edition page's picker: the CSV or JSON file send --recipients reads",
      ),
  )
    .addHelpText(
      'after',
      `
Saving an article, edition.md, a template, a partial or the config rebuilds what changed and reloads
open pages; a build error shows over the page with its file:line until the file is fixed.

Examples:
  $ newsletter preview                    serve on http://127.0.0.1:4000/ (or the next free port)
  $ newsletter preview --port 8080 --open a port that must be free, opened in the browser
  $ newsletter preview --no-inbox         without the local SMTP inbox
  $ newsletter preview --recipients test-list.csv   see each edition as these subscribers, and as each platform

Exit codes: 0 stopped with Ctrl+C or SIGTERM, 2 usage or configuration error (a --port that is taken).`,
    )
    .action(async (options) =>
      setExit(await (await import('./commands/preview.js')).previewCommand(options, io)),
    );

  withProjectOptions(
    program
      .command('screenshot')
      .description(
        'Write a PNG of an edition rendered by headless Chromium (default: out/<slug>/screenshot-<width>.png)',
      )
      .argument('<slug>', 'the edition to picture')
      .option('--width <px>', 'viewport width in CSS pixels', parseWidth, DEFAULT_SCREENSHOT_WIDTH)
      .option('--dark', "dark mode: the email's own prefers-color-scheme: dark styles")
      .option('--output <file>', 'where to write the PNG'),
  )
    .addHelpText(
      'after',
      `
Uses the Chromium installed on the machine (or NEWSLETTER_CHROMIUM); it never downloads one.

Examples:
  $ newsletter screenshot 2026-11-field-notes                 out/2026-11-field-notes/screenshot-600.png
  $ newsletter screenshot 2026-11-field-notes --width 375 --dark
  $ newsletter screenshot kursk-talks --output preview.png

Exit codes: 0 written, 1 the edition failed to build or render, 2 usage or configuration error (no Chromium).`,
    )
    .action(async (slug: string, options) =>
      setExit(await (await import('./commands/screenshot.js')).screenshotCommand(slug, options, io)),
    );

  withProjectOptions(
    program
      .command('export')
      .description(
        'Export built editions for mailing platforms: out/<slug>/export/<platform>/index.html, index.txt',
      )
      .argument('[slug...]', 'the editions to export (each built first if it has not been, or has changed)')
      .option(
        '--platform <name>',
        `${PLATFORM_NAMES.join(', ')} (repeatable)`,
        (name: string, names: string[] = []) => [...names, name],
      )
      .option(
        '--all',
        'everything not named: every platform when no --platform is given, every edition when no slug is',
      )
      .option(
        '--zip',
        "also bundle each export (HTML, text, manifest) as out/<slug>/export/<platform>.zip for the platform's importer",
      ),
  )
    .addHelpText(
      'after',
      `
Recipient fields become the platform's merge tags ({{unsubscribe_url}} -> *|UNSUB|* for Mailchimp);
a field the platform has no tag for keeps its configured value, and the export says so. Text that reads
as the platform's template syntax is escaped, or refused where the platform cannot escape it.
One run reads build's cache once; editions missing or changed since the last build are built first.

Examples:
  $ newsletter export 2026-11-field-notes --platform mailchimp
  $ newsletter export 2026-11-field-notes --platform kit --platform ses
  $ newsletter export 2026-11-field-notes --all --zip          every platform
  $ newsletter export 2026-10-harvest 2026-11-field-notes --platform kit
  $ newsletter export --all --platform listmonk                every edition
  $ newsletter export --all --json | jq -r '.files[]'          every edition, every platform
  $ newsletter export kursk-talks --platform sendgrid --json | jq '.platforms[0].fallbacks'

Exit codes: 0 exported, 1 a platform's checks failed for an edition (nothing written for that one; the
others are) or an edition failed to build, 2 usage error (an unknown platform or edition: nothing written).`,
    )
    .action(async (slugs: string[], options) =>
      setExit(await (await import('./commands/export.js')).exportCommand({ ...options, slugs }, io)),
    );

  program
    .command('import')
    .description(
      'Write an edition folder from a feed (RSS, Atom, JSON Feed) or a list of links (--urls FILE)',
    )
    .argument('[feed]', "the feed's URL or file")
    .option('--urls <file>', 'a list of links, one a line, each optionally followed by your comment on it')
    .option('--edition <slug>', "the edition's folder name (default: the date and the feed's name)")
    .option('--since <date>', 'only items dated on or after this day (YYYY-MM-DD)')
    .option('--limit <n>', 'at most this many items')
    .option('--all', 'also items whose link is already in an earlier edition')
    .option('--force', 'replace the edition if it exists')
    .option('--allow-private', 'allow loopback and private network addresses (refused by default)')
    .option('--content <dir>', 'folder of editions', 'content')
    .option('--json', 'print the report as JSON on stdout (messages stay on stderr)')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'))
    .addHelpText(
      'after',
      `
Each item becomes content/<slug>/NN-<title>.md with title, url, source, author, date, image and dek
(from the summary, at most 50 words); edition.md gets a subject, a preheader and a place for your note.
Items whose link is in an earlier edition are left out, so importing a feed again brings what is new.
Requests: 10 s each, 4 at a time, at most 5 redirects and 2 MB; http(s) only, private addresses refused.

Examples:
  $ newsletter import https://example.org/feed.xml --limit 10
  $ newsletter import feed.json --since 2026-11-01 --edition 2026-11-roundup
  $ newsletter import --urls links.txt            lines like: https://example.org/post  Worth reading for the charts.

Exit codes: 0 written, 1 nothing imported (the feed cannot be read, or every item was left out), 2 usage error or the edition exists.`,
    )
    .action(async (feed: string | undefined, options) =>
      setExit(await (await import('./commands/import.js')).importCommand(feed, options, io)),
    );

  return program;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  // a mistyped switch must not quietly build the other way
  const renderProblem = renderPathProblem();
  if (renderProblem) {
    io.stderr(`newsletter: ${renderProblem}\n`);
    return EXIT.usage;
  }
  let code: number = EXIT.ok;
  const program = createProgram(io, (c) => (code = c));
  const debug = argv.includes('--debug');
  // an edition's INTERNAL_ERROR carries its stack only then, in this thread and in worker threads
  const debugBefore = process.env[DEBUG_ENV];
  if (debug) process.env[DEBUG_ENV] = '1';
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; every parse error is a usage error
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr(`newsletter: ${(error as Error).message}\n`);
    if (debug) io.stderr(`${(error as Error).stack}\n`);
    else io.stderr('(run again with --debug for a stack trace)\n');
    return EXIT.failure;
  } finally {
    if (debugBefore === undefined) delete process.env[DEBUG_ENV];
    else process.env[DEBUG_ENV] = debugBefore;
  }
  return code;
}
