// Headless Chromium for screenshots (and the browser tests): the Chromium already installed on the machine,
// driven by playwright-core. newsletter never downloads a browser. playwright-core is loaded only here, on
// demand, so commands that never open a browser never pay for it.
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { Browser } from 'playwright-core';

/** Executable names a Chromium goes by, searched on PATH in this order. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** Flags for a quiet, offline-friendly headless run; --no-sandbox because containers and root forbid Chromium's own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** NEWSLETTER_CHROMIUM if set, else the first Chromium on PATH. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (env.NEWSLETTER_CHROMIUM) return env.NEWSLETTER_CHROMIUM;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of CHROMIUM_NAMES) {
      const candidate = join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return undefined;
}

export type LaunchResult = { browser: Browser } | { problem: string; hint: string };

export async function launchChromium(): Promise<LaunchResult> {
  const executablePath = await findChromium();
  if (!executablePath) {
    return {
      problem: 'no Chromium found on PATH',
      hint: 'install Chromium (Debian: apt-get install chromium) or set NEWSLETTER_CHROMIUM to its path',
    };
  }
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return {
      problem: 'playwright-core is not installed',
      hint: 'npm install playwright-core (it drives the installed Chromium; it downloads no browser)',
    };
  }
  try {
    return { browser: await chromium.launch({ executablePath, args: CHROMIUM_ARGS }) };
  } catch (error) {
    return {
      problem: `Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}`,
      hint: 'set NEWSLETTER_CHROMIUM to a working Chromium',
    };
  }
}
