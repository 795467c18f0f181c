import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalHttpServer, MAX_BODY_BYTES, startHttpServer } from '../../../dev/stack/http-server.js';

let server: LocalHttpServer;
const seen: number[] = [];

beforeAll(async () => {
  server = await startHttpServer(0, {
    'POST /echo': async (req) => {
      seen.push(req.body.length);
      return { status: 200, body: JSON.stringify({ ok: true, bytes: req.body.length }) };
    },
  });
});
afterAll(() => server?.close());

/** POSTs `bytes` bytes, declared or streamed without a length; resolves with the status and body. */
function post(bytes: number, chunked = false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/echo`,
      { method: 'POST', headers: chunked ? {} : { 'content-length': String(bytes) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may answer and close before the whole body is written; the answer still comes.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let left = bytes;
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      req.write(chunk.subarray(0, n));
      left -= n;
    }
    req.end();
  });
}

describe('the local stack HTTP server', () => {
  it('hands a body of up to 1 MiB to the route', async () => {
    const res = await post(MAX_BODY_BYTES);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, bytes: MAX_BODY_BYTES });
  });

  it('answers 413 to a larger body, declared or streamed, and never calls the route with it', async () => {
    seen.length = 0;
    const declared = await post(MAX_BODY_BYTES + 1);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatch(/over 1 MiB/);
    const streamed = await post(MAX_BODY_BYTES + 1, true);
    expect(streamed.status).toBe(413);
    expect(seen).toEqual([]);
  });
});
