// Reads newsletter.config.json (optional) and validates it. The only config I/O in the project.
import { readFile } from 'node:fs/promises';
import { DEFAULT_CONFIG, type Config } from './config.js';
import { validateConfig } from './validate.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lineColumnAt, parseJson } from '../content/text.js';

export interface LoadedConfig {
  config: Config;
  diagnostics: Diagnostic[];
  /** The config file's text ('' when there is none), hashed into the build cache key. */
  source: string;
}

export async function loadConfig(
  path: string,
  displayPath: string,
  required: boolean,
): Promise<LoadedConfig> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) {
      return { config: DEFAULT_CONFIG, diagnostics: [], source: '' };
    }
    return {
      config: DEFAULT_CONFIG,
      diagnostics: [
        diag('FILE_READ', 'error', `cannot read config: ${(error as Error).message}`, { file: displayPath }),
      ],
      source: '',
    };
  }
  return parseConfig(source, displayPath);
}

export function parseConfig(source: string, file: string): LoadedConfig {
  // a byte order mark, which some editors write at the top of a UTF-8 file, is not JSON but means nothing
  const parsed = parseJson(source.replace(/^\uFEFF/, ''));
  if (!('value' in parsed)) {
    return {
      config: DEFAULT_CONFIG,
      diagnostics: [diag('CONFIG_JSON', 'error', parsed.message, { file, ...parsed.at })],
      source,
    };
  }
  const raw = parsed.value;
  const lineOf = (key: string) => {
    if (!key) return 1;
    const index = source.indexOf(`"${key}"`);
    return index < 0 ? undefined : lineColumnAt(source, index).line;
  };
  const { config, diagnostics } = validateConfig(raw, { file, lineOf });
  return { config, diagnostics, source };
}
