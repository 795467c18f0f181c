/**
 * The Parameter Store source through the real SSM client, against a small fake of the GetParameter
 * endpoint (AWS JSON 1.1 over HTTP on 127.0.0.1): what the client sends, and how a missing
 * parameter comes back through the SDK to the reader.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretReader, ssmSource } from '../../../lambdas/config/secrets.js';

const NAME = '/herald/Herald/discord';

interface Seen {
  target: string | undefined;
  body: { Name?: string; WithDecryption?: boolean };
}

const parameters = new Map<string, string>();
const seen: Seen[] = [];
const server = createServer((req, res) => {
  let text = '';
  req.on('data', (chunk) => {
    text += chunk;
  });
  req.on('end', () => {
    const body = JSON.parse(text) as Seen['body'];
    seen.push({ target: req.headers['x-amz-target'] as string | undefined, body });
    const value = body.Name === undefined ? undefined : parameters.get(body.Name);
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    if (value === undefined) {
      res.statusCode = 400;
      res.end(JSON.stringify({ __type: 'ParameterNotFound' }));
      return;
    }
    res.end(
      JSON.stringify({
        Parameter: { Name: body.Name, Type: 'SecureString', Value: value, Version: 1, DataType: 'text' },
      }),
    );
  });
});

let client: SSMClient;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new SSMClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('ssmSource', () => {
  it('asks GetParameter for the decrypted value, then says how to create a missing one', async () => {
    const reader = new SecretReader(ssmSource(client));
    await expect(reader.read(`${NAME}#botToken`)).rejects.toThrow(
      `parameter ${NAME} does not exist yet: create it with aws ssm put-parameter --name ${NAME} --type SecureString`,
    );
    parameters.set(NAME, '{"botToken":"bot-token","publicKey":"ab12"}\n');
    expect(await reader.read(`${NAME}#publicKey`)).toBe('ab12');
    expect(await reader.read(`${NAME}#botToken`)).toBe('bot-token');
    expect(seen).toEqual([
      { target: 'AmazonSSM.GetParameter', body: { Name: NAME, WithDecryption: true } },
      { target: 'AmazonSSM.GetParameter', body: { Name: NAME, WithDecryption: true } },
    ]);
  });
});
