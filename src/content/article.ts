// One article file, from bytes to an Article: decode, refuse reserved characters, parse by format
// (content/formats.ts).
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Article } from '../edition/types.js';
import { formatOf } from './formats.js';
import { decodeUtf8, lineColumnAt, RESERVED_CHARACTERS } from './text.js';

export { ARTICLE_EXTENSIONS } from './formats.js';

/** "01-power-grid.md" -> "power-grid": the order prefix sorts, it is not part of the name. */
export const articleSlug = (fileName: string): string =>
  fileName.replace(/\.[^.]+$/, '').replace(/^\d+[-_]/, '');

/** `file` is one that discovery found, so its extension is in the formats table. */
export async function parseArticle(
  bytes: Uint8Array,
  file: string,
): Promise<{ article?: Article; diagnostics: Diagnostic[] }> {
  const decoded = decodeText(bytes, file);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  const fileName = file.split('/').pop()!;
  const parse = await formatOf(fileName)!.loadParser();
  const parsed = parse(decoded.text, file, articleSlug(fileName));
  return { article: parsed.article, diagnostics: [...decoded.diagnostics, ...parsed.diagnostics] };
}

/** Decoded, newline-normalised text with reserved characters removed (and reported). */
export function decodeText(
  bytes: Uint8Array,
  file: string,
): { text: string; diagnostics: Diagnostic[] } | { diagnostic: Diagnostic } {
  const decoded = decodeUtf8(bytes);
  if ('invalidAt' in decoded) {
    return {
      diagnostic: diag(
        'FILE_ENCODING',
        'error',
        'the file is not valid UTF-8',
        { file, ...decoded.invalidAt },
        'save it as UTF-8',
      ),
    };
  }
  const diagnostics: Diagnostic[] = [];
  const reserved = decoded.text.search(RESERVED_CHARACTERS);
  if (reserved >= 0) {
    diagnostics.push(
      diag('RESERVED_CHARACTER', 'warning', 'removed private-use characters U+E000-U+E00F', {
        file,
        ...lineColumnAt(decoded.text, reserved),
      }),
    );
  }
  return { text: decoded.text.replace(RESERVED_CHARACTERS, ''), diagnostics };
}
