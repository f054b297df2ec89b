// `newsletter screenshot <slug>`: builds one edition in memory and writes a PNG of it, by default into
// out/<slug>/screenshot-<width>[-dark].png. stdout: the file written (or JSON with --json).
import { join, relative, resolve } from 'node:path';
import { build } from '../build.js';
import { diag, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { writeAtomic } from '../output/write.js';
import { swapAssetUrls } from '../assets/swap-urls.js';
import { projectPaths, type ProjectOptions } from '../project.js';
import { launchChromium } from '../preview/browser.js';
import { screenshotEmail } from '../preview/screenshot.js';
import { EXIT, printDiagnostics, type Io } from './io.js';

export interface ScreenshotCommandOptions extends ProjectOptions {
  width: number;
  dark?: boolean;
  output?: string;
  json?: boolean;
}

export async function screenshotCommand(
  slug: string,
  options: ScreenshotCommandOptions,
  io: Io,
): Promise<number> {
  const finish = (code: number, diagnostics: Diagnostic[], file?: string, bytes?: number): number => {
    if (options.json) {
      io.stdout(
        `${JSON.stringify({ ok: code === EXIT.ok, ...(file ? { file, width: options.width, dark: Boolean(options.dark), bytes } : {}), diagnostics }, null, 2)}\n`,
      );
    } else {
      printDiagnostics(io, diagnostics);
      if (file) io.stdout(`${file}\n`);
    }
    return code;
  };

  const report = await build({ ...options, slugs: [slug], dryRun: true });
  const result = report.editions[0];
  if (report.usageError || !result) return finish(EXIT.usage, report.diagnostics);
  if (!result.ok || !result.built)
    return finish(EXIT.failure, [...report.diagnostics, ...result.diagnostics]);
  const diagnostics = [...report.diagnostics, ...result.diagnostics];

  const launched = await launchChromium();
  if ('problem' in launched)
    return finish(EXIT.usage, [
      ...diagnostics,
      diag('BROWSER_UNAVAILABLE', 'error', launched.problem, {}, launched.hint),
    ]);
  const paths = projectPaths(options);
  const target = options.output
    ? resolve(paths.root, options.output)
    : join(paths.out, result.slug, `screenshot-${options.width}${options.dark ? '-dark' : ''}.png`);
  const file = relative(process.cwd(), target) || target;
  let png: Buffer;
  try {
    // local images are not published yet: the picture shows them from the project, inlined
    const { html, edition } = result.built;
    const inlined = swapAssetUrls(html, edition.assets, (a) => dataUrl(a.contentType, a.bytes));
    png = await screenshotEmail(launched.browser, inlined, {
      width: options.width,
      dark: Boolean(options.dark),
    });
  } catch (error) {
    return finish(EXIT.failure, [
      ...diagnostics,
      diag('SCREENSHOT_FAILED', 'error', (error as Error).message.split('\n')[0]!, { file }),
    ]);
  } finally {
    await launched.browser.close();
  }
  try {
    await writeAtomic(target, png);
  } catch (error) {
    return finish(EXIT.failure, [
      ...diagnostics,
      diag('WRITE_FAILED', 'error', (error as Error).message, { file }),
    ]);
  }
  return finish(hasErrors(diagnostics) ? EXIT.failure : EXIT.ok, diagnostics, file, png.length);
}

const dataUrl = (type: string, bytes: Uint8Array) =>
  `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
