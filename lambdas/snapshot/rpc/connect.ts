/**
 * Connections with failover: endpoints are tried in order, each with a connect timeout, and every
 * request on the connection is counted.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import { ChainUnavailableError } from '../errors.js';

export class CountingWsProvider extends WsProvider {
  requests = 0;

  override async send<T = unknown>(method: string, params: unknown[], isCacheable?: boolean): Promise<T> {
    this.requests++;
    return super.send<T>(method, params, isCacheable);
  }
}

export interface Connection {
  endpoint: string;
  api: ApiPromise;
  provider: CountingWsProvider;
  close(): Promise<void>;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Ready, or the first error the provider reports before it is: a refused or failed socket fails
 * the endpoint at once instead of waiting out the connect timeout.
 */
export function readyOrFailed(provider: WsProvider, endpoint: string): Promise<unknown> {
  let unsubscribe: (() => void) | undefined;
  const failed = new Promise<never>((_, reject) => {
    unsubscribe = provider.on('error', (error: unknown) => {
      // The socket's error event: an Error, or an event object carrying the error's message.
      const message = (error as { message?: unknown } | null)?.message;
      const reason = typeof message === 'string' && message ? message : String(error);
      reject(new Error(`connecting to ${endpoint} failed: ${reason}`));
    });
  });
  return Promise.race([provider.isReady, failed]).finally(() => unsubscribe?.());
}

async function connectOne(endpoint: string, timeoutMs: number): Promise<Connection> {
  const provider = new CountingWsProvider(endpoint, false, {}, timeoutMs);
  try {
    await withTimeout(provider.connect(), timeoutMs, `connecting to ${endpoint}`);
    await withTimeout(readyOrFailed(provider, endpoint), timeoutMs, `connecting to ${endpoint}`);
    const api = await withTimeout(
      ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true }),
      timeoutMs,
      `loading metadata from ${endpoint}`,
    );
    return { endpoint, api, provider, close: () => api.disconnect() };
  } catch (error) {
    await provider.disconnect().catch(() => undefined);
    throw error;
  }
}

/** The first endpoint that connects; the errors of those that did not are reported together. */
export async function connectFirst(
  endpoints: readonly string[],
  timeoutMs: number,
  log: (message: string) => void,
): Promise<Connection> {
  const failures: string[] = [];
  for (const endpoint of endpoints) {
    try {
      return await connectOne(endpoint, timeoutMs);
    } catch (error) {
      const message = `${endpoint}: ${(error as Error).message}`;
      failures.push(message);
      log(`chain endpoint failed, trying the next one: ${message}`);
    }
  }
  throw new ChainUnavailableError(`no chain endpoint answered (${failures.join('; ') || 'none configured'})`);
}
