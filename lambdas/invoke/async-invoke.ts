/**
 * Hands work on to another Lambda by asynchronous invocation (`Invoke` with
 * `X-Amz-Invocation-Type: Event`): Lambda queues the event internally, retries a failed run and
 * sends what still fails to the function's on-failure destination, so nothing polls a queue while
 * nothing waits. One signed HTTPS request, with the function's own role credentials from the
 * environment Lambda sets; a throttled or failed request is tried again a few times.
 */
import { ENV } from '../../core/config/env-names.js';
import { HandlerConfigError } from '../config/errors.js';
import { type AwsCredentials, signRequest, uriEncode } from './sigv4.js';

export interface AsyncInvoker {
  /** Resolves once Lambda has accepted the event (HTTP 202); the run itself happens later. */
  invoke(payload: string): Promise<void>;
}

export class InvokeError extends Error {
  override readonly name = 'InvokeError';
}

/** Lambda's limit for an asynchronous invocation's payload. */
export const ASYNC_PAYLOAD_MAX_BYTES = 256 * 1024;
const ATTEMPTS = 4;

export interface InvokerOptions {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Function names as CloudFormation gives them (a full ARN is refused: its colons would need encoding). */
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function lambdaAsyncInvoker(
  functionName: string,
  env: NodeJS.ProcessEnv = process.env,
  options: InvokerOptions = {},
): AsyncInvoker {
  if (!FUNCTION_NAME.test(functionName))
    throw new HandlerConfigError(`"${functionName}" is not a Lambda function name`);
  const region = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim();
  if (!region) throw new HandlerConfigError('AWS_REGION is not set: no Lambda endpoint to invoke');
  const endpoint = new URL(env[ENV.lambdaEndpoint]?.trim() || `https://lambda.${region}.amazonaws.com`);
  const path = `/2015-03-31/functions/${uriEncode(functionName)}/invocations`;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return {
    async invoke(payload) {
      if (Buffer.byteLength(payload) > ASYNC_PAYLOAD_MAX_BYTES)
        throw new InvokeError(`a payload of ${Buffer.byteLength(payload)} bytes is over Lambda's 256 KB`);
      let last = '';
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        if (attempt > 0) await sleep(100 * 2 ** attempt);
        const headers = signRequest(
          {
            method: 'POST',
            host: endpoint.host,
            path,
            headers: { 'x-amz-invocation-type': 'Event', 'content-type': 'application/json' },
            body: payload,
          },
          credentialsFrom(env),
          { region, service: 'lambda' },
          now(),
        );
        delete headers.host;
        try {
          const response = await doFetch(new URL(path, endpoint), { method: 'POST', headers, body: payload });
          const text = await response.text();
          if (response.status === 202) return;
          last = `${response.status} ${text.slice(0, 200)}`;
          // Throttling and Lambda's own failures pass; anything else (permission, a missing function) will not.
          if (response.status !== 429 && response.status < 500) break;
        } catch (error) {
          last = (error as Error).message;
        }
      }
      throw new InvokeError(`invoking ${functionName} failed: ${last}`);
    },
  };
}

/** The role's credentials, which Lambda puts in every function's environment (read at each call). */
function credentialsFrom(env: NodeJS.ProcessEnv): AwsCredentials {
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey)
    throw new HandlerConfigError('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set: cannot sign');
  const sessionToken = env.AWS_SESSION_TOKEN?.trim();
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}
