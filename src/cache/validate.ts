// Shape checks for what is read back from the cache file: an entry that is not exactly what this version
// writes is dropped, never half-trusted.
import type { CacheEntry } from './entry.js';
import { isStamp } from './stamps.js';

const isString = (value: unknown): value is string => typeof value === 'string';
const isArrayOf = <T>(value: unknown, item: (v: unknown) => v is T): value is T[] =>
  Array.isArray(value) && value.every(item);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isDiagnostic = (value: unknown): boolean =>
  isRecord(value) && isString(value.code) && isString(value.severity) && isString(value.message);

export function isCacheEntry(value: unknown): value is CacheEntry {
  return (
    isRecord(value) &&
    isString(value.settings) &&
    isString(value.layout) &&
    isString(value.content) &&
    (value.images === undefined || isArrayOf(value.images, isString)) &&
    (value.inputs === undefined || isArrayOf(value.inputs, isStamp)) &&
    isArrayOf(value.outputs, isStamp) &&
    value.outputs.length > 0 &&
    isArrayOf(value.files, isString) &&
    Array.isArray(value.diagnostics) &&
    value.diagnostics.every(isDiagnostic)
  );
}
