// One hash for the cache: sha256 over parts, each prefixed with its length so that no two different lists
// of parts can ever produce the same stream of bytes.
import { createHash } from 'node:crypto';

export function digest(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(`${typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}
