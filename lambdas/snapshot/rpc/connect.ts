/**
 * Connections with failover: endpoints are tried in order, each with a connect timeout; every
 * request on the connection is counted and has its own timeout, apart from the connect timeout.
 */
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { HexString } from '@polkadot/util/types';
import { ChainUnavailableError } from '../errors.js';
import { RequestTimeoutError, requestLabel } from './request-timeout.js';

/**
 * How long one request may wait for its answer (default 60 s). Sized from the largest answer a cold
 * read of Kusama receives, a batch of 6.1 MB of exposure pages (`state_queryStorageAt`, 2,000 keys;
 * the kusama scenario measured through the latency proxy's breakdown), which can queue behind as
 * many others in flight (6) on the line they share: 6 × 6.1 MB = 36 MB take 29 s at 10 Mbit/s, a
 * fifth of the 50 Mbit/s a public endpoint gives one connection; 60 s leaves about twice that.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** Connecting (socket, handshake and metadata), and then each request, ms. */
export interface RpcTimeouts {
  connectMs: number;
  requestMs: number;
}

/** A connect timeout alone keeps the default request timeout. */
export function rpcTimeouts(timeouts: number | RpcTimeouts): RpcTimeouts {
  return typeof timeouts === 'number'
    ? { connectMs: timeouts, requestMs: DEFAULT_REQUEST_TIMEOUT_MS }
    : timeouts;
}

export class CountingWsProvider extends WsProvider {
  requests = 0;
  /**
   * A request without an answer after this long fails with a `RequestTimeoutError` naming it
   * (Infinity: only the provider's own timeout, the constructor's, applies).
   */
  requestTimeoutMs = Number.POSITIVE_INFINITY;

  /** Not connected yet (call `connect`); each request times out after `requestTimeoutMs`. */
  static withRequestTimeout(endpoint: string, requestTimeoutMs: number): CountingWsProvider {
    // The provider's own timer (checked every 5 s, with an error that names no request) only
    // backs ours up.
    const provider = new CountingWsProvider(endpoint, false, {}, requestTimeoutMs + 10_000);
    provider.requestTimeoutMs = requestTimeoutMs;
    return provider;
  }

  override async send<T = unknown>(method: string, params: unknown[], isCacheable?: boolean): Promise<T> {
    this.requests++;
    const answer = super.send<T>(method, params, isCacheable);
    if (!Number.isFinite(this.requestTimeoutMs)) return answer;
    let timer: NodeJS.Timeout | undefined;
    const ms = this.requestTimeoutMs;
    return Promise.race([
      answer,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new RequestTimeoutError(requestLabel(method, params), this.endpoint, ms)),
          ms,
        );
      }),
    ]).finally(() => clearTimeout(timer));
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

/**
 * The metadata of the runtimes this process has connected to, by `genesisHash-specVersion` (the key
 * polkadot.js looks a given metadata up by): a warm container does not fetch a runtime's metadata
 * again (1.3 MB and two rounds on Asset Hub), as a spec version's metadata never changes. One
 * runtime per chain is kept, the latest seen.
 */
class KnownMetadata {
  private readonly byChain = new Map<string, { key: string; hex: HexString }>();

  byKey(): Record<string, HexString> {
    return Object.fromEntries([...this.byChain.values()].map(({ key, hex }) => [key, hex]));
  }

  keep(api: ApiPromise): void {
    const genesis = api.genesisHash.toHex();
    const key = `${genesis}-${api.runtimeVersion.specVersion.toString()}`;
    if (this.byChain.get(genesis)?.key !== key)
      this.byChain.set(genesis, { key, hex: api.runtimeMetadata.toHex() });
  }

  /** Forgets every kept metadata (a cold start's state, for measuring one). */
  clear(): void {
    this.byChain.clear();
  }
}

export const knownMetadata = new KnownMetadata();

async function connectOne(endpoint: string, timeouts: RpcTimeouts): Promise<Connection> {
  const timeoutMs = timeouts.connectMs;
  const provider = CountingWsProvider.withRequestTimeout(endpoint, timeouts.requestMs);
  try {
    await withTimeout(provider.connect(), timeoutMs, `connecting to ${endpoint}`);
    await withTimeout(readyOrFailed(provider, endpoint), timeoutMs, `connecting to ${endpoint}`);
    const api = await withTimeout(
      ApiPromise.create({
        provider,
        noInitWarn: true,
        throwOnConnect: true,
        metadata: knownMetadata.byKey(),
      }),
      timeoutMs,
      `loading metadata from ${endpoint}`,
    );
    knownMetadata.keep(api);
    return { endpoint, api, provider, close: () => api.disconnect() };
  } catch (error) {
    await provider.disconnect().catch(() => undefined);
    throw error;
  }
}

/**
 * The first endpoint that connects; the errors of those that did not are reported together.
 * `timeouts`: connect and request timeouts, or a connect timeout with the default request timeout.
 */
export async function connectFirst(
  endpoints: readonly string[],
  timeouts: number | RpcTimeouts,
  log: (message: string) => void,
): Promise<Connection> {
  const failures: string[] = [];
  for (const endpoint of endpoints) {
    try {
      return await connectOne(endpoint, rpcTimeouts(timeouts));
    } catch (error) {
      const message = `${endpoint}: ${(error as Error).message}`;
      failures.push(message);
      log(`chain endpoint failed, trying the next one: ${message}`);
    }
  }
  throw new ChainUnavailableError(`no chain endpoint answered (${failures.join('; ') || 'none configured'})`);
}
