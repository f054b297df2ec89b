// Helpers for the preview tests: the real CLI started as a long-running process, raw HTTP requests that
// keep their path exactly as written (a browser or fetch would normalise ../ away), and Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { CLI } from '../helpers/project.js';
import { pollUntil, WAIT_LIMIT_MS } from '../helpers/wait.js';

import { launchBrowser } from '../helpers/browser.js';

export { launchBrowser, openPage } from '../helpers/browser.js';

export interface RunningCli {
  url: string;
  port: number;
  inbox?: string;
  /** Every JSON line the command printed on stdout so far. */
  events: Record<string, unknown>[];
  stderr(): string;
  /** SIGTERM (or the signal given), then the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number>;
}

/** Starts `newsletter preview --json ...` in `cwd` and resolves once it listens and watches the project. */
export function startPreviewCli(cwd: string, args: string[] = ['--port', '0']): Promise<RunningCli> {
  const child = spawn(process.execPath, [CLI, 'preview', '--json', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))),
  );
  const events: Record<string, unknown>[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as Record<string, unknown>;
      events.push(event);
      const listening = events.find((e) => e.event === 'listening');
      if (event.event === 'ready' && listening) {
        resolve({
          url: listening.url as string,
          port: listening.port as number,
          ...(listening.inbox ? { inbox: listening.inbox as string } : {}),
          events,
          stderr: () => stderr,
          stop: (signal = 'SIGTERM') => stop(child, exited, signal),
        });
      }
    });
    void exited.then((code) => reject(new Error(`preview exited ${code} before listening:\n${stderr}`)));
  });
}

/**
 * The preview CLI and Chromium, started side by side (on a busy machine each can take many seconds); if
 * one fails to start, the other is stopped before the error is thrown.
 */
export async function startPreviewWithBrowser(
  cwd: string,
  args: string[],
): Promise<{ cli: RunningCli; browser: Browser }> {
  const [cli, browser] = await Promise.allSettled([startPreviewCli(cwd, args), launchBrowser()]);
  if (cli.status === 'fulfilled' && browser.status === 'fulfilled') {
    return { cli: cli.value, browser: browser.value };
  }
  if (cli.status === 'fulfilled') await cli.value.stop();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw cli.status === 'rejected' ? cli.reason : (browser as PromiseRejectedResult).reason;
}

/**
 * Waits until the preview has reported each of `slugs` built: it builds them in the background after it
 * listens, so a test that then saves a file and waits for "a rebuild of it" would otherwise see that first
 * build instead.
 */
export function builtInBackground(cli: RunningCli, slugs: string[]): Promise<unknown> {
  const reported = () =>
    new Set(
      cli.events
        .filter((e) => e.event === 'rebuilt')
        .flatMap((e) => (e.editions as { slug: string }[]).map((r) => r.slug)),
    );
  return pollUntil(reported, (built) => slugs.every((s) => built.has(s)), `${slugs.join(', ')} built`);
}

/** Runs `newsletter preview` expecting it to exit by itself (a usage error). */
export function runPreviewCliToExit(
  cwd: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'preview', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code: code ?? 1, stdout, stderr })));
}

async function stop(child: ChildProcess, exited: Promise<number>, signal: NodeJS.Signals): Promise<number> {
  if (child.exitCode === null) child.kill(signal);
  return exited;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One request written byte for byte on a socket: the path exactly as given (an HTTP client would
 * normalise or refuse it), and the Host header given, or none at all with `null`.
 */
export function rawGet(
  port: number,
  path: string,
  host: string | null = `127.0.0.1:${port}`,
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `${method} ${path} HTTP/1.1\r\n${host === null ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`,
        'latin1',
      );
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({
        status: Number(statusLine!.split(' ')[1]),
        headers,
        body: split < 0 ? '' : text.slice(split + 4),
      });
    });
  });
}

/**
 * Polls `read` in the page until it returns a value `accept` takes. Survives the page reloading in between
 * (an evaluate that races a navigation throws; the next try runs in the new page).
 */
export function waitInPage<T>(
  page: Page,
  read: () => T,
  accept: (value: T) => boolean,
  what: string,
  limitMs = WAIT_LIMIT_MS,
): Promise<T> {
  return pollUntil(() => page.evaluate(read) as Promise<T>, accept, what, limitMs);
}
