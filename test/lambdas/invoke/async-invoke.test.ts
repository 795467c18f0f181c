import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../../core/config/env-names.js';
import { HandlerConfigError } from '../../../lambdas/config/errors.js';
import { InvokeError, lambdaAsyncInvoker } from '../../../lambdas/invoke/async-invoke.js';
import { type FakeLambda, startFakeLambda } from './fake-lambda.js';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test/secret+key', sessionToken: 'session' };
let lambda: FakeLambda;
let env: NodeJS.ProcessEnv;
const noWait = { sleep: async () => undefined };

beforeAll(async () => {
  lambda = await startFakeLambda(credentials, 'eu-west-1');
  env = {
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    [ENV.lambdaEndpoint]: lambda.url,
  };
});
afterAll(() => lambda.close());

describe('lambdaAsyncInvoker', () => {
  it('invokes the function asynchronously with a signed request carrying the payload', async () => {
    const before = lambda.invocations.length;
    await lambdaAsyncInvoker('Herald-AlertDetector-x1', env, noWait).invoke('{"version":7,"relayBlock":9}');
    expect(lambda.invocations.slice(before)).toEqual([
      {
        functionName: 'Herald-AlertDetector-x1',
        invocationType: 'Event',
        payload: '{"version":7,"relayBlock":9}',
      },
    ]);
    expect(lambda.badSignatures).toBe(0);
  });

  it('tries a throttled or failing invocation again, and gives up on a refusal at once', async () => {
    const before = lambda.invocations.length;
    lambda.answerNext(429, 500);
    await lambdaAsyncInvoker('fn', env, noWait).invoke('{}');
    expect(lambda.invocations.length).toBe(before + 1);
    lambda.answerNext(403);
    await expect(lambdaAsyncInvoker('fn', env, noWait).invoke('{}')).rejects.toThrow(
      'invoking fn failed: 403 {"message":"refused"}',
    );
    lambda.answerNext(503, 503, 503, 503);
    await expect(lambdaAsyncInvoker('fn', env, noWait).invoke('{}')).rejects.toThrow(InvokeError);
    expect(lambda.invocations.length).toBe(before + 1);
  });

  it('refuses wrong credentials: the fake checks the signature', async () => {
    const wrong = { ...env, AWS_SECRET_ACCESS_KEY: 'other' };
    await expect(lambdaAsyncInvoker('fn', wrong, noWait).invoke('{}')).rejects.toThrow('403');
    expect(lambda.badSignatures).toBe(1);
  });

  it('names what is missing or wrong before sending anything', async () => {
    expect(() => lambdaAsyncInvoker('arn:aws:lambda:eu-west-1:1:function:x', env)).toThrow(
      HandlerConfigError,
    );
    expect(() => lambdaAsyncInvoker('fn', { ...env, AWS_REGION: '' })).toThrow('AWS_REGION is not set');
    await expect(
      lambdaAsyncInvoker('fn', { ...env, AWS_ACCESS_KEY_ID: '' }, noWait).invoke('{}'),
    ).rejects.toThrow('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set');
    await expect(lambdaAsyncInvoker('fn', env, noWait).invoke('x'.repeat(300_000))).rejects.toThrow(
      "over Lambda's 256 KB",
    );
  });
});
