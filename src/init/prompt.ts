// The questions `init` asks on a terminal, each with its default shown and checked as it is typed, for
// whatever the flags left out. Prompts go to stderr: stdout stays for data.
import { input, select } from '@inquirer/prompts';
import { STARTERS, type StarterName } from '../starters/starters.js';
import { VALIDATE, type InitAnswers, type Validate } from './answers.js';

const OPTIONAL = 'leave empty to set it later in newsletter.config.json';

export async function askAnswers(given: InitAnswers, asked: Set<keyof InitAnswers>): Promise<InitAnswers> {
  const context = { output: process.stderr };
  const ask = async (key: keyof InitAnswers, message: string, fallback?: string, optional = false) => {
    if (!asked.has(key)) return given[key];
    const check: Validate = VALIDATE[key];
    const answer = await input(
      {
        message: optional ? `${message} (${OPTIONAL})` : message,
        default: fallback,
        validate: (value) => (optional && value.trim() === '') || (check(value.trim()) ?? true),
      },
      context,
    );
    return answer.trim() === '' ? undefined : answer.trim();
  };
  const name = (await ask('name', 'Name of the newsletter', given.name)) ?? given.name;
  const from = await ask('from', 'From, the sender readers see ("Name <address>")', undefined, true);
  const url = await ask('url', 'Web address where the editions will be published', undefined, true);
  const unsubscribeUrl = await ask('unsubscribeUrl', 'Unsubscribe page', undefined, true);
  const postalAddress = await ask('postalAddress', 'Postal address for the footer', undefined, true);
  const language = (await ask('language', 'Language of the newsletter', given.language)) ?? given.language;
  const starter = asked.has('starter')
    ? await select<StarterName>(
        {
          message: 'Starter layout',
          default: given.starter,
          choices: Object.entries(STARTERS).map(([value, description]) => ({
            value: value as StarterName,
            name: `${value}: ${description}`,
          })),
        },
        context,
      )
    : given.starter;
  return { name, from, url, unsubscribeUrl, postalAddress, language, starter };
}
