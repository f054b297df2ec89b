// The MJML thread (see mjml-thread.ts): loads MJML's parser and juice at once, MJML itself at once too
// when told to (no compiled skeleton is on disk), else on first need; then compiles what it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { preloadParts } from './mjml-parts.js';
import { mjmlHere } from './compile.js';
import { compileAsSkeleton } from './skeleton-compile.js';
import type { MjmlReply, MjmlRequest } from './mjml-thread.js';

const port = parentPort!;
preloadParts();
// a failed load is not this thread's end: the first compile tries again, and replies with its error
if ((workerData as { loadMjml: boolean }).loadMjml) mjmlHere().catch(() => undefined);

port.on('message', async (request: MjmlRequest) => {
  let reply: MjmlReply;
  try {
    if (request.kind === 'skeleton') {
      reply = {
        id: request.id,
        result: await compileAsSkeleton(request.source, request.skeletons, mjmlHere),
      };
    } else {
      const { html, errors } = await (await mjmlHere())(request.mjml, request.options);
      reply = { id: request.id, result: { html, errors } }; // not MJML's JSON of the document: nobody here reads it
    }
  } catch (error) {
    reply = { id: request.id, error: { message: (error as Error).message, stack: (error as Error).stack } };
  }
  port.postMessage(reply);
});
