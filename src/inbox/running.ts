// Finding a running local inbox from what it recorded in server.json, for `send` without SMTP settings.
import { readFile } from 'node:fs/promises';
import { serverFile, type InboxServerInfo } from './paths.js';

export type InboxLookup = { running: true; port: number } | { running: false; why: string };

export async function findInbox(outDir: string): Promise<InboxLookup> {
  let info: InboxServerInfo;
  try {
    info = JSON.parse(await readFile(serverFile(outDir), 'utf8')) as InboxServerInfo;
  } catch {
    return { running: false, why: 'no local inbox is running' };
  }
  if (!Number.isInteger(info.port) || !isAlive(info.pid)) {
    return {
      running: false,
      why: 'no local inbox is running (its server.json was left by a process that has ended)',
    };
  }
  return { running: true, port: info.port };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
