// The command line: parses arguments with commander and hands each command to src/commands/.
// This is the only place that decides exit codes; stack traces show only with --debug.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { buildCommand } from './commands/build.js';
import { EXIT, processIo, type Io } from './commands/io.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The options every command that reads a project shares. */
export function projectOptions(command: Command): Command {
  return command
    .option('--content <dir>', 'folder of editions', 'content')
    .option('--templates <dir>', 'folder of MJML/Handlebars templates', 'templates')
    .option('--out <dir>', 'output folder', 'out')
    .option('--config <file>', 'config file (default: newsletter.config.json, optional)')
    .option('--json', 'print results as JSON on stdout (messages stay on stderr)')
    .addOption(new Option('--debug', 'show stack traces for unexpected errors'));
}

export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('newsletter')
    .description('Render newsletter editions from Markdown and plain-text articles into responsive HTML, plain text and .eml.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  projectOptions(
    program
      .command('build')
      .description('Build editions into out/<slug>/: index.html, index.txt, message.eml, manifest.json')
      .argument('[slug...]', 'editions to build (default: all)'),
  )
    .addHelpText('after', `
Examples:
  $ newsletter build                      build every edition in content/
  $ newsletter build 2026-11-field-notes  build one edition
  $ newsletter build --json | jq .        machine-readable results

Exit codes: 0 built, 1 an edition failed, 2 usage or configuration error.`)
    .action(async (slugs: string[], options) => setExit(await buildCommand({ ...options, slugs }, io)));

  return program;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram(io, (c) => (code = c));
  const debug = argv.includes('--debug');
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
  }
  return code;
}
