/**
 * The relay chain block a snapshot is pinned to: the relay parent the pinned Asset Hub block was
 * built on (`ParachainSystem.LastRelayChainBlockNumber` at that block), looked up on the relay
 * chain, where it must be finalized. Production reads it the same way: the relay's finalized head
 * bounds it, and its hash is where relay storage is read, so relay and Asset Hub data describe the
 * same moment. Without a relay parent (a chain that does not record it) the relay's finalized head
 * is used, and the snapshot says so.
 */
import type { WsProvider } from '@polkadot/api';
import {
  CountingWsProvider,
  type RpcTimeouts,
  readyOrFailed,
  rpcTimeouts,
  withTimeout,
} from '../rpc/connect.js';
import type { Send } from '../rpc/raw-storage.js';
import { readRelayParent } from './anchor.js';
import type { ReadContext } from './context.js';

export interface RelayPin {
  number: number;
  hash: string;
  /** The relay chain's finalized head when the pin was taken. */
  finalized: number;
  endpoint: string;
}

interface Header {
  number: string;
}

async function pinOn(provider: WsProvider, endpoint: string, relayParent: number | null): Promise<RelayPin> {
  const finalizedHash = (await provider.send('chain_getFinalizedHead', [])) as string;
  const finalized = Number.parseInt(
    ((await provider.send('chain_getHeader', [finalizedHash])) as Header).number,
    16,
  );
  if (relayParent === null) return { number: finalized, hash: finalizedHash, finalized, endpoint };
  if (relayParent > finalized) {
    throw new Error(
      `relay block ${relayParent} is not finalized on ${endpoint} (finalized head ${finalized})`,
    );
  }
  const hash = (await provider.send('chain_getBlockHash', [relayParent])) as string | null;
  if (!hash) throw new Error(`${endpoint} has no relay block ${relayParent}`);
  return { number: relayParent, hash, finalized, endpoint };
}

/** What is read on the relay chain at the pinned block, over the pin's connection: its result and requests. */
export type AtPin<T> = (send: Send, pin: RelayPin) => Promise<{ value: T; requests: number }>;

/**
 * Tries each relay endpoint in order; null when none is set or none could pin the block. `atPin`
 * then reads relay storage at the pinned hash on the same connection; when it fails, the pin stays
 * and its value is null (the caller says why through `log`).
 */
export async function pinRelay<T = never>(
  endpoints: readonly string[] | undefined,
  relayParent: number | null,
  timeouts: number | RpcTimeouts,
  log: (m: string) => void,
  atPin?: AtPin<T>,
): Promise<{ pin: RelayPin | null; requests: number; value: T | null }> {
  let requests = 0;
  const { connectMs: timeoutMs, requestMs } = rpcTimeouts(timeouts);
  for (const endpoint of endpoints ?? []) {
    const provider = CountingWsProvider.withRequestTimeout(endpoint, requestMs);
    try {
      await provider.connect();
      await withTimeout(readyOrFailed(provider, endpoint), timeoutMs, `connecting to ${endpoint}`);
      requests += relayParent === null ? 2 : 3;
      const pin = await withTimeout(pinOn(provider, endpoint, relayParent), timeoutMs, `reading ${endpoint}`);
      if (!atPin) return { pin, requests, value: null };
      try {
        const read = await atPin((method, params) => provider.send(method, params), pin);
        return { pin, requests: requests + read.requests, value: read.value };
      } catch (error) {
        log(`relay read at block ${pin.number} on ${endpoint} failed: ${(error as Error).message}`);
        return { pin, requests, value: null };
      }
    } catch (error) {
      log(`relay endpoint ${endpoint} failed: ${(error as Error).message}`);
    } finally {
      await provider.disconnect().catch(() => undefined);
    }
  }
  return { pin: null, requests, value: null };
}

/**
 * The snapshot's relay block: the pinned Asset Hub block's relay parent, pinned on the relay chain
 * when relay endpoints are set (a warning when none could), or the relay's finalized head when the
 * chain records no relay parent.
 */
export async function relayOf<T = never>(
  ctx: ReadContext,
  endpoints: readonly string[] | undefined,
  timeouts: number | RpcTimeouts,
  log: (m: string) => void,
  atPin?: AtPin<T>,
): Promise<{ relayBlock: number | null; pin: RelayPin | null; requests: number; value: T | null }> {
  const relayParent = await readRelayParent(ctx);
  const { pin, requests, value } = await pinRelay(endpoints, relayParent, timeouts, log, atPin);
  if (endpoints?.length && !pin)
    ctx.warn(`no relay endpoint could pin relay block ${relayParent ?? '(head)'}; relay data not read`);
  if (relayParent === null && pin)
    ctx.warn(
      `ParachainSystem.LastRelayChainBlockNumber is empty: using the relay's finalized head ${pin.number}, which is later than this Asset Hub block`,
    );
  return { relayBlock: relayParent ?? pin?.number ?? null, pin, requests, value };
}
