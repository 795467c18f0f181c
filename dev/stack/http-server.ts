/** The local stack's HTTP front door on 127.0.0.1: health now, the bots' webhooks as they land. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export type Route = (request: HttpRequest) => Promise<HttpResponse>;

export interface LocalHttpServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** A request body larger than the server takes: answered 413, never handed to a route. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES)
    throw new BodyTooLargeError(`request body of ${declared} bytes is over 1 MiB`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('request body over 1 MiB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startHttpServer(port: number, routes: Record<string, Route>): Promise<LocalHttpServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = `${req.method} ${url.pathname}`;
    const route = routes[key];
    let response: HttpResponse;
    try {
      response = route
        ? await route({
            method: req.method ?? 'GET',
            path: url.pathname,
            headers: req.headers,
            body: await readBody(req),
          })
        : { status: 404, body: JSON.stringify({ ok: false, error: `no route for ${key}` }) };
    } catch (error) {
      const status = error instanceof BodyTooLargeError ? 413 : 500;
      response = { status, body: JSON.stringify({ ok: false, error: (error as Error).message }) };
    }
    // A body left unread (too large) is not drained: the connection closes after the answer.
    const headers = response.status === 413 ? { connection: 'close' } : {};
    res.writeHead(response.status, { 'content-type': 'application/json', ...headers, ...response.headers });
    res.end(response.body ?? '');
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) =>
      reject(new Error(`HTTP server could not listen on 127.0.0.1:${port}: ${e.message}`)),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
