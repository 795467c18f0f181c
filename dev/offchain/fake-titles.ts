/**
 * A local stand-in for Subsquare's referendum API, serving exactly what the snapshot job calls:
 * `GET /gov2/referendums/<id>` → `{ referendumIndex, title }`, or 404 for an id it has no title for.
 * It can be told to misbehave (`setMode`, or `POST /fake/mode` with the mode as the body):
 * `error` answers 500, `junk` answers 200 with a body that is not JSON, `slow` never answers until
 * it is told otherwise or closed, `down` drops every connection without an answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAKE_TITLES_MODES = ['up', 'error', 'junk', 'slow', 'down'] as const;
export type FakeTitlesMode = (typeof FAKE_TITLES_MODES)[number];

export interface FakeTitles {
  /** The API root to give the snapshot job, e.g. http://127.0.0.1:4321 */
  url: string;
  mode(): FakeTitlesMode;
  setMode(mode: FakeTitlesMode): void;
  /** Replaces or adds titles. */
  setTitles(titles: Readonly<Record<number, string>>): void;
  /** Referendum ids asked for, in order. */
  requests: number[];
  close(): Promise<void>;
}

const ROUTE = /^\/gov2\/referendums\/(\d+)$/;

export async function startFakeTitles(options: {
  titles: Readonly<Record<number, string>>;
  port?: number;
  mode?: FakeTitlesMode;
}): Promise<FakeTitles> {
  const titles = new Map(Object.entries(options.titles).map(([k, v]) => [Number(k), v]));
  let mode: FakeTitlesMode = options.mode ?? 'up';
  const requests: number[] = [];
  const held = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  const send = (res: ServerResponse, status: number, body: string, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'POST' && path === '/fake/mode') {
      const wanted = body.trim() as FakeTitlesMode;
      if (!FAKE_TITLES_MODES.includes(wanted))
        return send(
          res,
          400,
          JSON.stringify({ error: `mode must be one of ${FAKE_TITLES_MODES.join(', ')}` }),
        );
      mode = wanted;
      return send(res, 200, JSON.stringify({ mode }));
    }
    const match = req.method === 'GET' ? ROUTE.exec(path) : null;
    if (!match) return send(res, 404, JSON.stringify({ error: 'not found' }));
    const id = Number(match[1]);
    requests.push(id);
    if (mode === 'down') return req.socket.destroy();
    if (mode === 'slow') {
      held.add(res);
      return;
    }
    if (mode === 'error') return send(res, 500, JSON.stringify({ error: 'internal error' }));
    if (mode === 'junk') return send(res, 200, '<html>Bad gateway{"title":', 'text/html');
    const title = titles.get(id);
    if (title === undefined) return send(res, 404, JSON.stringify({ message: 'Post not found' }));
    send(res, 200, JSON.stringify({ referendumIndex: id, title, content: `Proposal ${id}`, state: {} }));
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => handle(req, res, body));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    mode: () => mode,
    setMode: (m) => {
      mode = m;
      if (m !== 'slow') for (const res of held) res.socket?.destroy();
      if (m !== 'slow') held.clear();
    },
    setTitles: (more) => {
      for (const [k, v] of Object.entries(more)) titles.set(Number(k), v);
    },
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
