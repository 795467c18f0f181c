/**
 * Seeds storage pairs into a running Chopsticks chain with `dev_setStorage`, in batches of a few MB
 * over one WebSocket. Values of `null` remove keys.
 */
import { WsProvider } from '@polkadot/api';
import { SeedError } from './errors.js';
import { progressPrinter } from './progress.js';
import type { ScenarioProgress, StorageChange } from './types.js';

export interface SeedOptions {
  /** Upper bound of one request's key+value hex characters. Default 4 MB. */
  batchChars?: number;
  /** Per-request timeout. Default 120 s. */
  timeoutMs?: number;
  /** Called after each batch; big seeds print to stderr when this is not given. */
  onProgress?: (progress: ScenarioProgress) => void;
}

export interface SeedResult {
  pairs: number;
  batches: number;
  chars: number;
  /** Hash of the block the last batch was written to. */
  blockHash: string | null;
}

const BIG_SEED_PAIRS = 50_000;

/** Splits pairs into batches whose key+value hex stays under `limit` characters (one oversize pair goes alone). */
export function batchPairs(pairs: readonly StorageChange[], limit: number): StorageChange[][] {
  if (!Number.isFinite(limit) || limit <= 0)
    throw new SeedError(`batch size must be a positive number, got ${limit}`);
  const batches: StorageChange[][] = [];
  let current: StorageChange[] = [];
  let size = 0;
  for (const pair of pairs) {
    const n = pair[0].length + (pair[1]?.length ?? 4);
    if (current.length > 0 && size + n > limit) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(pair);
    size += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function checkPairs(pairs: readonly StorageChange[]): void {
  if (!Array.isArray(pairs)) throw new SeedError('seedStorage needs an array of [key, value] pairs');
  pairs.forEach((p, i) => {
    const ok =
      Array.isArray(p) &&
      typeof p[0] === 'string' &&
      p[0].startsWith('0x') &&
      (p[1] === null || (typeof p[1] === 'string' && p[1].startsWith('0x')));
    if (!ok) throw new SeedError(`pair ${i} is not [0x key, 0x value | null]`);
  });
}

export async function seedStorage(
  endpoint: string,
  pairs: readonly StorageChange[],
  opts: SeedOptions = {},
): Promise<SeedResult> {
  if (typeof endpoint !== 'string' || !/^wss?:\/\//.test(endpoint)) {
    throw new SeedError(`endpoint must be a ws:// or wss:// URL, got ${String(endpoint)}`);
  }
  checkPairs(pairs);
  const batches = batchPairs(pairs, opts.batchChars ?? 4_000_000);
  const progress = opts.onProgress ?? (pairs.length >= BIG_SEED_PAIRS ? progressPrinter() : undefined);
  const provider = new WsProvider(endpoint, false, {}, opts.timeoutMs ?? 120_000, 0);
  const result: SeedResult = { pairs: pairs.length, batches: batches.length, chars: 0, blockHash: null };
  try {
    await provider.connect();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no connection within 30 s')), 30_000);
      const off = provider.on('error', (e: unknown) => {
        clearTimeout(timer);
        off();
        reject(
          e instanceof Error
            ? e
            : new Error(`websocket error ${String((e as { message?: string })?.message ?? e)}`),
        );
      });
      provider.isReady.then(() => {
        clearTimeout(timer);
        off();
        resolve();
      }, reject);
    });
  } catch (err) {
    await provider.disconnect().catch(() => undefined);
    throw new SeedError(`cannot connect to ${endpoint}: ${(err as Error).message}`);
  }
  try {
    let done = 0;
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i]!;
      try {
        result.blockHash = (await provider.send('dev_setStorage', [batch])) as string;
      } catch (err) {
        throw new SeedError(
          `dev_setStorage batch ${i + 1}/${batches.length} failed: ${(err as Error).message}`,
        );
      }
      done += batch.length;
      for (const [k, v] of batch) result.chars += k.length + (v?.length ?? 0);
      progress?.({ stage: 'seeding', done, total: pairs.length });
    }
  } finally {
    await provider.disconnect().catch(() => undefined);
  }
  return result;
}
