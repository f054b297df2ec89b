// An edition as a platform would send it to one subscriber: exported as `export` does, then rendered by the
// platform's own engine where it runs in Node (engines/node-engines.ts); for the other platforms, the
// export's source with the merge tags marked, since the preview cannot run their engines.
import type { BuiltEdition } from '../checks/rule.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../export/escape.js';
import { exportEdition } from '../export/export-edition.js';
import { sourceLocator } from '../export/locate.js';
import type { Platform } from '../export/platform.js';
import { PLATFORMS } from '../export/registry.js';
import { recipientDefaults } from '../output/edition-output.js';
import type { RecipientValues } from '../render/tokens.js';
import { NODE_ENGINES } from './engines/node-engines.js';

export type PlatformView =
  /** The engine ran: the email and the text as the subscriber would get them. */
  | {
      kind: 'rendered';
      platform: Platform;
      engine: string;
      html: string;
      text: string;
      diagnostics: Diagnostic[];
    }
  /** No engine here: the export's parts as spans (merge tags marked). */
  | { kind: 'source'; platform: Platform; html: Span[]; text: Span[]; diagnostics: Diagnostic[] }
  /** The export fails the platform's rules, or the engine failed: why. */
  | { kind: 'failed'; platform: Platform; diagnostics: Diagnostic[]; message: string };

export const findPlatform = (name: string): Platform | undefined => PLATFORMS.find((p) => p.name === name);

export const runsInPreview = (platform: Platform): boolean => platform.name in NODE_ENGINES;

/**
 * `html`: the edition's HTML with tokens, its images already pointing at the preview; `values`: the
 * subscriber's recipient fields (subscriber-view.ts).
 */
export function platformView(
  built: BuiltEdition,
  html: string,
  platform: Platform,
  values: RecipientValues,
): PlatformView {
  const slug = built.edition.slug;
  const exported = exportEdition(
    { html, text: built.tokens.text, defaults: recipientDefaults(built.config, slug) },
    platform,
    {
      locate: sourceLocator(built.sources),
      files: {
        html: `${slug}/export/${platform.name}/index.html`,
        text: `${slug}/export/${platform.name}/index.txt`,
      },
    },
  );
  const { diagnostics } = exported;
  if (!exported.ok)
    return { kind: 'failed', platform, diagnostics, message: `${platform.label} refuses this export` };
  const engine = NODE_ENGINES[platform.name];
  if (!engine) return { kind: 'source', platform, ...exported.spans, diagnostics };
  try {
    return {
      kind: 'rendered',
      platform,
      engine: engine.name,
      html: engine.render(exported.html, 'html', values),
      text: engine.render(exported.text, 'text', values),
      diagnostics,
    };
  } catch (error) {
    return {
      kind: 'failed',
      platform,
      diagnostics,
      message: `${engine.name} failed on the ${platform.label} export: ${(error as Error).message}`,
    };
  }
}
