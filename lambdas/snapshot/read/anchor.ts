/** Where and when the snapshot was read: block, relay block, timestamp and issuance. */
import type { ChainAnchor, Issuance } from '../../../core/types/snapshot.js';
import { storagePrefix } from '../rpc/keys.js';
import { decodeU32, decodeU64, decodeU128 } from '../scale/staking-codecs.js';
import type { ReadContext } from './context.js';

/** The relay parent the pinned Asset Hub block was built on, or null when the chain has none. */
export async function readRelayParent(ctx: ReadContext): Promise<number | null> {
  const [relayHex] = await ctx.storage.values([
    storagePrefix('ParachainSystem', 'LastRelayChainBlockNumber'),
  ]);
  return relayHex ? decodeU32(relayHex, 'parachainSystem.lastRelayChainBlockNumber') : null;
}

/**
 * `relayBlock`: the relay parent, or (when the chain records none) the relay chain's finalized
 * head; null when neither is known, which fails the read.
 */
export async function readAnchor(
  ctx: ReadContext,
  block: { hash: string; number: number; specVersion: number; genesisHash: string },
  relayBlock: number | null,
): Promise<{ anchor: ChainAnchor; issuance: Issuance }> {
  const [nowHex, totalHex, inactiveHex] = await ctx.storage.values([
    storagePrefix('Timestamp', 'Now'),
    storagePrefix('Balances', 'TotalIssuance'),
    storagePrefix('Balances', 'InactiveIssuance'),
  ]);
  if (!nowHex) ctx.warn('Timestamp.Now is empty; using the reader clock');
  if (relayBlock === null)
    throw new Error(
      'no relay block number: ParachainSystem.LastRelayChainBlockNumber is empty and no relay endpoint answered',
    );
  return {
    anchor: {
      blockHash: block.hash,
      blockNumber: block.number,
      relayBlock,
      timestampMs: nowHex ? Number(decodeU64(nowHex, 'timestamp.now')) : Date.now(),
      specVersion: block.specVersion,
      genesisHash: block.genesisHash,
    },
    issuance: {
      total: totalHex ? decodeU128(totalHex, 'balances.totalIssuance') : 0n,
      inactive: inactiveHex ? decodeU128(inactiveHex, 'balances.inactiveIssuance') : 0n,
    },
  };
}
