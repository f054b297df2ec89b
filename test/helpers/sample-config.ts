// The sample newsletter's config as the tests own it (test/fixtures/sample/newsletter.config.json): the
// identity (name, From, URLs, postal address) that the built-in defaults no longer carry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../src/config/config.js';
import { parseConfig } from '../../src/config/load.js';
import { SAMPLE } from './project.js';

const SOURCE = readFileSync(join(SAMPLE, 'newsletter.config.json'), 'utf8');
const IDENTITY = JSON.parse(SOURCE) as Record<string, unknown>;

/** The built-in defaults with the sample's identity: what DEFAULT_CONFIG used to be. */
export const SAMPLE_CONFIG: Config = parseConfig(SOURCE, 'newsletter.config.json').config;

/**
 * A test's own config text with the sample's identity added for every key it does not set, on its last
 * line, so that the lines (and columns) of what the test wrote stay where they were. Invalid JSON stays as
 * it is: it is what such a test is about.
 */
export function withIdentity(json: string): string {
  let own: unknown;
  try {
    own = JSON.parse(json);
  } catch {
    return json;
  }
  if (typeof own !== 'object' || own === null || Array.isArray(own)) return json;
  const missing = Object.entries(IDENTITY).filter(([key]) => !Object.hasOwn(own, key));
  const close = json.lastIndexOf('}');
  if (missing.length === 0 || close < 0) return json;
  const empty = Object.keys(own).length === 0;
  const added = missing.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ');
  return `${json.slice(0, close).trimEnd()}${empty ? ' ' : ', '}${added} ${json.slice(close)}`;
}
