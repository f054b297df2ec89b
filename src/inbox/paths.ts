// Where the local inbox keeps its state: one .eml per received message and server.json while it runs.
import { join } from 'node:path';
import { PRIVATE_DIR } from '../output/private-dir.js';

export const inboxDir = (outDir: string): string => join(outDir, PRIVATE_DIR, 'inbox');
export const serverFile = (outDir: string): string => join(inboxDir(outDir), 'server.json');

/** What a running inbox records so that `send` (and the preview) can find it. */
export interface InboxServerInfo {
  port: number;
  pid: number;
}

/** A message id is a plain file name (no folders, no dots at the start): it is joined into a path. */
export const isMessageId = (id: string): boolean => /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id);

export const messagePath = (outDir: string, id: string): string => join(inboxDir(outDir), `${id}.eml`);
