// Live reload over Server-Sent Events: one long response per open page, a line of JSON per rebuild.
// Plain HTTP, reconnects by itself (EventSource), nothing to install in the page but a few lines.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ReloadMessage {
  version: number;
  all: boolean;
  slugs: string[];
}

const KEEPALIVE_MS = 15_000;

export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepalive = setInterval(() => this.send(': keepalive\n\n'), KEEPALIVE_MS).unref();

  /** Opens a stream; the first message tells the page the current version, so it can catch up. */
  connect(request: IncomingMessage, response: ServerResponse, version: number): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(`retry: 500\nevent: hello\ndata: ${JSON.stringify({ version })}\n\n`);
    this.clients.add(response);
    request.on('close', () => this.clients.delete(response));
  }

  broadcast(event: 'rebuilt' | 'inbox', data: ReloadMessage | { version: number }): void {
    this.send(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.keepalive);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private send(chunk: string): void {
    for (const client of this.clients) client.write(chunk);
  }
}
