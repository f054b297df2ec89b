// Where `send` delivers: SMTP settings from the environment (and a project .env), never from the config file,
// so credentials stay out of the repository. Either SMTP_URL, or SMTP_HOST with SMTP_PORT/USER/PASS/SECURE;
// SMTP_CA names a certificate to trust (a self-signed test server).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://, usually port 465); otherwise STARTTLS. */
  secure: boolean;
  auth?: { user: string; pass: string };
  /** PEM certificate(s) to trust besides the system's. */
  ca?: string;
}

export type SmtpSettingsResult =
  | { kind: 'smtp'; settings: SmtpSettings; diagnostics: Diagnostic[] }
  | { kind: 'none'; diagnostics: Diagnostic[] }
  | { kind: 'invalid'; diagnostics: Diagnostic[] };

const ENV_FILE = '.env';

/** The process environment over the project's .env (the environment wins, as with every dotenv tool; a
 *  variable exported empty counts as unset, so `SMTP_URL= newsletter send ...` falls back to .env or the inbox). */
export async function smtpEnvironment(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<NodeJS.ProcessEnv> {
  let fromFile: NodeJS.Dict<string> = {};
  try {
    fromFile = parseEnv(await readFile(resolve(root, ENV_FILE), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { ...fromFile, ...Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')) };
}

/** Why the project's .env could not be read (smtpEnvironment throws on anything but its absence). */
export function envFileProblem(error: NodeJS.ErrnoException): Diagnostic {
  const why =
    error.code === 'EISDIR'
      ? 'it is a folder, not a file'
      : error.code === 'EACCES' || error.code === 'EPERM'
        ? 'permission denied'
        : error.message;
  return diag(
    'SMTP_CONFIG',
    'error',
    `cannot read ${ENV_FILE}: ${why}${error.code && !why.includes(error.code) ? ` (${error.code})` : ''}`,
    { file: ENV_FILE },
    `${ENV_FILE} holds SMTP_URL=... lines: make it a readable file, or remove it and set the variables in the environment`,
  );
}

export async function readSmtpSettings(root: string, env: NodeJS.ProcessEnv): Promise<SmtpSettingsResult> {
  const parsed = env.SMTP_URL ? fromUrl(env.SMTP_URL) : env.SMTP_HOST ? fromParts(env) : undefined;
  if (!parsed) return { kind: 'none', diagnostics: [] };
  if ('error' in parsed)
    return { kind: 'invalid', diagnostics: [diag('SMTP_CONFIG', 'error', parsed.error, {}, parsed.hint)] };
  const settings = parsed.settings;
  if (env.SMTP_CA) {
    try {
      settings.ca = await readFile(resolve(root, env.SMTP_CA), 'utf8');
    } catch (error) {
      return {
        kind: 'invalid',
        diagnostics: [
          diag(
            'SMTP_CONFIG',
            'error',
            `SMTP_CA: cannot read ${env.SMTP_CA}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          ),
        ],
      };
    }
  }
  return { kind: 'smtp', settings, diagnostics: [] };
}

type Parsed = { settings: SmtpSettings } | { error: string; hint?: string };

const URL_HINT =
  'SMTP_URL looks like smtp://user:password@smtp.example.org:587 or smtps://user:password@smtp.example.org:465 (percent-encode special characters)';

function fromUrl(text: string): Parsed {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The URL may hold a password: never repeat it.
    return { error: 'SMTP_URL is not a valid URL', hint: URL_HINT };
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    return { error: `SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`, hint: URL_HINT };
  if (!url.hostname) return { error: 'SMTP_URL has no host', hint: URL_HINT };
  const secure = url.protocol === 'smtps:';
  const user = decode(url.username);
  const pass = decode(url.password);
  if (user === undefined || pass === undefined)
    return { error: 'SMTP_URL has a badly percent-encoded user or password', hint: URL_HINT };
  if (user && !pass) return { error: 'SMTP_URL names a user but no password', hint: URL_HINT };
  return {
    settings: {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(user ? { auth: { user, pass } } : {}),
    },
  };
}

function fromParts(env: NodeJS.ProcessEnv): Parsed {
  const secure = parseBoolean(env.SMTP_SECURE);
  if (secure === undefined) return { error: `SMTP_SECURE must be true or false, not "${env.SMTP_SECURE}"` };
  const port = env.SMTP_PORT ? Number(env.SMTP_PORT) : secure ? 465 : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return { error: `SMTP_PORT must be a port number (1-65535), not "${env.SMTP_PORT}"` };
  if (env.SMTP_USER && !env.SMTP_PASS) return { error: 'SMTP_USER is set but SMTP_PASS is not' };
  if (!env.SMTP_USER && env.SMTP_PASS) return { error: 'SMTP_PASS is set but SMTP_USER is not' };
  return {
    settings: {
      host: env.SMTP_HOST!.trim(),
      port,
      secure,
      ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASS! } } : {}),
    },
  };
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return false;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  return undefined;
}

export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
