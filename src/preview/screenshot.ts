// A PNG of an email as headless Chromium renders it at a given width, in light or dark mode. Dark mode
// is Chromium's own prefers-color-scheme emulation: the email's dark styles apply exactly as in a client
// that honours them. Scripts are off, as in every mail client.
import type { Browser } from 'playwright-core';

export interface ScreenshotOptions {
  width: number;
  dark: boolean;
}

/** How long remote images may take before the picture is taken without them. */
const LOAD_TIMEOUT_MS = 15_000;

export async function screenshotEmail(
  browser: Browser,
  html: string,
  { width, dark }: ScreenshotOptions,
): Promise<Buffer> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    colorScheme: dark ? 'dark' : 'light',
    javaScriptEnabled: false,
  });
  try {
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    } catch (error) {
      // images that never finished loading: still worth a picture of everything else
      if ((error as Error).name !== 'TimeoutError') throw error;
    }
    return await page.screenshot({ fullPage: true, type: 'png' });
  } finally {
    await context.close();
  }
}
