// Debian's Chromium for the browser tests, with Playwright's own limits raised to the suite's.
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../src/preview/browser.js';
import { WAIT_LIMIT_MS } from './wait.js';

/**
 * Debian's Chromium, found as the screenshot command finds it, started with Playwright's limits (30 s to
 * launch, 30 s per action) raised to the suite's: a busy machine can take longer than that to start it.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('no Chromium found on PATH: set NEWSLETTER_CHROMIUM');
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: WAIT_LIMIT_MS });
}

/** A new page whose actions (goto, click, ...) wait as long as the suite's polls do. */
export async function openPage(browser: Browser, options?: Parameters<Browser['newPage']>[0]): Promise<Page> {
  const page = await browser.newPage(options);
  page.setDefaultTimeout(WAIT_LIMIT_MS);
  return page;
}
