/**
 * A local stand-in for Lambda's Invoke API over real HTTP: it checks each request's SigV4
 * signature with the same secret, records the accepted events per function, and answers as Lambda
 * does (202 for an asynchronous invocation; a status of the test's choosing otherwise).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AwsCredentials, signRequest } from '../../../lambdas/invoke/sigv4.js';

export interface Invocation {
  functionName: string;
  invocationType: string | undefined;
  payload: string;
}

export interface FakeLambda {
  url: string;
  invocations: Invocation[];
  /** Answers of the next requests, in order (then 202 again). */
  answerNext(...statuses: number[]): void;
  /** Requests refused because their signature did not check. */
  badSignatures: number;
  close(): Promise<void>;
}

export async function startFakeLambda(credentials: AwsCredentials, region: string): Promise<FakeLambda> {
  const answers: number[] = [];
  const fake = { invocations: [] as Invocation[], badSignatures: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const auth = String(req.headers.authorization ?? '');
      const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? [];
      const headers: Record<string, string> = {};
      for (const name of signed)
        if (name !== 'host' && name !== 'x-amz-date' && name !== 'x-amz-security-token')
          headers[name] = String(req.headers[name] ?? '');
      const date = String(req.headers['x-amz-date'] ?? '');
      const at = Date.UTC(
        Number(date.slice(0, 4)),
        Number(date.slice(4, 6)) - 1,
        Number(date.slice(6, 8)),
        Number(date.slice(9, 11)),
        Number(date.slice(11, 13)),
        Number(date.slice(13, 15)),
      );
      const expected = signRequest(
        { method: req.method ?? '', host: String(req.headers.host), path: req.url ?? '', headers, body },
        credentials,
        { region, service: 'lambda' },
        at,
      ).authorization;
      if (expected !== auth) {
        fake.badSignatures += 1;
        res.writeHead(403).end('{"message":"The request signature we calculated does not match"}');
        return;
      }
      const status = answers.shift() ?? 202;
      const name = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? '')?.[1];
      if (status === 202 && name)
        fake.invocations.push({
          functionName: decodeURIComponent(name),
          invocationType: req.headers['x-amz-invocation-type'] as string | undefined,
          payload: body,
        });
      res.writeHead(name ? status : 404).end(status === 202 ? '' : '{"message":"refused"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get invocations() {
      return fake.invocations;
    },
    get badSignatures() {
      return fake.badSignatures;
    },
    answerNext: (...statuses) => answers.push(...statuses),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
