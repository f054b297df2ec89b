// Reads newsletter.config.json (optional) and validates it. The only config I/O in the project.
import { readFile } from 'node:fs/promises';
import { DEFAULT_CONFIG, type Config } from './config.js';
import { validateConfig } from './validate.js';
import { identityFindings } from './identity.js';
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
      const where = { file: displayPath, exists: false, lineOf: () => undefined };
      return {
        config: DEFAULT_CONFIG,
        diagnostics: buildIdentityFindings(DEFAULT_CONFIG, where),
        source: '',
      };
    }
    return {
      config: DEFAULT_CONFIG,
      diagnostics: [
        diag('FILE_READ', 'error', `cannot read config: ${(error as Error).message}`, { file: displayPath }),
      ],
      source: '',
    };
  }
  const parsed = parseConfig(source, displayPath);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return parsed;
  const where = { file: displayPath, exists: true, lineOf: keyLines(source) };
  return { ...parsed, diagnostics: [...parsed.diagnostics, ...buildIdentityFindings(parsed.config, where)] };
}

/** What build, check and preview say about the identity: warnings, and none for a sample's example domains. */
const buildIdentityFindings = (config: Config, where: Parameters<typeof identityFindings>[1]) =>
  identityFindings(config, where, { severity: 'warning', honourSample: true });

/** Finds the line of a top-level key in the config source, for error positions (1 for the object itself). */
export function keyLines(source: string): (key: string) => number | undefined {
  return (key) => {
    if (!key) return 1;
    const index = source.indexOf(`"${key}"`);
    return index < 0 ? undefined : lineColumnAt(source, index).line;
  };
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
  const { config, diagnostics } = validateConfig(parsed.value, { file, lineOf: keyLines(source) });
  return { config, diagnostics, source };
}
