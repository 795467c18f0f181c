/**
 * A TCP proxy on 127.0.0.1 in front of a local server, to test what a client does when its
 * connection is slow or dropped part-way.
 */

import type { AddressInfo } from 'node:net';
import { createConnection, createServer, type Socket } from 'node:net';

export interface ProxyFaults {
  /** Close both sides once this many bytes went from the server to the client. */
  dropAfterServerBytes?: number;
  /** Stop passing server bytes on (keeping both sockets open) once this many went through: a hung link. */
  stallAfterServerBytes?: number;
  /** Hold every server-to-client chunk this long, one after another (a slow link, not just latency). */
  delayMs?: number;
}

export interface TcpProxy {
  url: string;
  port: number;
  bytesFromServer: number;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, faults: ProxyFaults = {}): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const state = { bytesFromServer: 0 };
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    sockets.add(client);
    sockets.add(upstream);
    const kill = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', kill);
    upstream.on('error', kill);
    client.on('close', kill);
    upstream.on('close', kill);
    client.on('data', (chunk) => upstream.write(chunk));
    let queue = Promise.resolve();
    upstream.on('data', (chunk: Buffer) => {
      state.bytesFromServer += chunk.length;
      if (faults.dropAfterServerBytes !== undefined && state.bytesFromServer > faults.dropAfterServerBytes) {
        kill();
        return;
      }
      if (
        faults.stallAfterServerBytes !== undefined &&
        state.bytesFromServer > faults.stallAfterServerBytes
      ) {
        return;
      }
      if (!faults.delayMs) {
        client.write(chunk);
        return;
      }
      const delay = faults.delayMs;
      queue = queue.then(
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              if (client.writable) client.write(chunk);
              resolve();
            }, delay),
          ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    get bytesFromServer() {
      return state.bytesFromServer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
