// The MJML thread (see mjml-thread.ts): loads MJML at once, then compiles what it is sent.
import { parentPort } from 'node:worker_threads';
import { loadMjml } from '../render/mjml.js';
import type { MjmlNode } from '../render/mjml-skeleton.js';
import type { MjmlReply } from './mjml-thread.js';

const port = parentPort!;
const loading = loadMjml();

port.on('message', async ({ id, mjml, options }: { id: number; mjml: string | MjmlNode; options: object }) => {
  let reply: MjmlReply;
  try {
    const { html, errors } = await (await loading)(mjml, options);
    reply = { id, result: { html, errors } }; // not MJML's JSON of the document: nobody here reads it
  } catch (error) {
    reply = { id, error: { message: (error as Error).message, stack: (error as Error).stack } };
  }
  port.postMessage(reply);
});
