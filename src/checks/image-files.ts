// The local images an edition publishes, judged by their files: a format the big clients do not show
// (SVG: neither Gmail nor Outlook), a file heavy enough to slow the message down on a phone, and pixels far
// beyond what the column can show (the reader downloads them for nothing).
import { basename } from 'node:path';
import { COLUMN_WIDTH } from '../assets/display-size.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { locate } from './locate.js';
import type { BuiltEdition, Rule } from './rule.js';

/** Over this, an image is heavy: a slow download on a phone, and a heavy GIF is a long animation. */
export const IMAGE_HEAVY_BYTES = 1024 * 1024;
/** Wider than this is more than even a 2x screen can use in the column. */
export const IMAGE_OVERSIZED_WIDTH = 2 * COLUMN_WIDTH;
/** Many mail servers refuse messages over 10 MB: a message with embedded images must stay under it. */
export const MESSAGE_MAX_BYTES = 10 * 1024 * 1024;

export const imageFilesRule: Rule = (built) => {
  const diagnostics: Diagnostic[] = [];
  for (const asset of built.edition.assets ?? []) {
    const where = locate(built, [asset.source, basename(asset.source)], asset.source);
    if (asset.type === 'svg')
      diagnostics.push(
        diag(
          'IMAGE_SVG',
          'error',
          `${asset.source} is an SVG image: Gmail and Outlook do not show SVG`,
          where,
          `export it as PNG, ${2 * Math.min(asset.width, COLUMN_WIDTH)} px wide for sharp screens, and name it with @2x`,
        ),
      );
    if (asset.bytes.byteLength > IMAGE_HEAVY_BYTES)
      diagnostics.push(
        diag(
          'IMAGE_HEAVY',
          'warning',
          `${asset.source} weighs ${megabytes(asset.bytes.byteLength)}${asset.type === 'gif' ? ' (a GIF this heavy is a long animation)' : ''}: slow on a phone`,
          where,
          asset.type === 'gif'
            ? 'shorten the animation or use fewer colours; keep it under 1 MB'
            : 'resize it to at most twice its display width and compress it (JPEG for photos); keep it under 1 MB',
        ),
      );
    if (asset.width > IMAGE_OVERSIZED_WIDTH)
      diagnostics.push(
        diag(
          'IMAGE_OVERSIZED',
          'warning',
          `${asset.source} is ${asset.width} px wide: the column shows at most ${COLUMN_WIDTH} px (${IMAGE_OVERSIZED_WIDTH} on a 2x screen)`,
          where,
          `resize it to ${IMAGE_OVERSIZED_WIDTH} px wide and name it with @2x`,
        ),
      );
  }
  diagnostics.push(...embeddedWeight(built));
  return diagnostics;
};

/** With embedded images (`embedImages`), the whole message carries them: too heavy, it names the heaviest. */
function embeddedWeight(built: BuiltEdition): Diagnostic[] {
  const assets = built.edition.assets ?? [];
  if (!built.config.embedImages || assets.length === 0 || built.eml.length <= MESSAGE_MAX_BYTES) return [];
  const heaviest = assets.reduce((a, b) => (b.bytes.byteLength > a.bytes.byteLength ? b : a));
  return [
    diag(
      'MESSAGE_TOO_HEAVY',
      'error',
      `the message with its embedded images weighs ${megabytes(built.eml.length)}, over the 10 MB many servers accept; the heaviest image is ${heaviest.source} (${megabytes(heaviest.bytes.byteLength)})`,
      locate(built, [heaviest.source, basename(heaviest.source)], heaviest.source),
      'link the images instead (no embedImages in the config), or make them lighter',
    ),
  ];
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
