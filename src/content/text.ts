// Decoding and positions: turning bytes into text we can point into by line and column.

/** Decodes UTF-8 strictly (invalid bytes are an error, not U+FFFD), drops a BOM, and turns CRLF/CR into LF. */
export function decodeUtf8(
  bytes: Uint8Array,
): { text: string } | { invalidAt: { line: number; column: number } } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text: normalizeNewlines(text) };
  } catch {
    return { invalidAt: firstInvalidByte(bytes) };
  }
}

export const normalizeNewlines = (text: string): string => text.replace(/\r\n?/g, '\n');

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function firstInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Grow a prefix until it stops decoding; lines are counted on the valid prefix.
  let good = 0;
  for (let end = 1; end <= bytes.length; end++) {
    try {
      decoder.decode(bytes.subarray(good, end));
      good = end;
    } catch {
      if (end - good >= 4) break; // a UTF-8 sequence is at most 4 bytes: this one is broken
    }
  }
  const prefix = new TextDecoder().decode(bytes.subarray(0, good));
  return lineColumnAt(prefix, prefix.length);
}

/** Characters U+E000..U+E00F carry recipient-field tokens (render/tokens.ts) and template source markers; content may never contain them. */
export const RESERVED_CHARACTERS = /[\uE000-\uE00F]/g;

/** JSON.parse, with a failure turned into a message and the line and column it points at. */
export function parseJson(
  source: string,
): { value: unknown } | { message: string; at: { line?: number; column?: number } } {
  try {
    return { value: JSON.parse(source) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    return {
      message: message.replace(/ in JSON at position \d+.*$/, ''),
      at: position ? lineColumnAt(source, Number(position[1])) : {},
    };
  }
}
