/** Where and when the snapshot was read: block, relay block, timestamp and issuance. */
import type { ChainAnchor, Issuance } from '../../../core/types/snapshot.js';
import { storagePrefix } from '../rpc/keys.js';
import { decodeU32, decodeU64, decodeU128 } from '../scale/staking-codecs.js';
import type { ReadContext } from './context.js';

export async function readAnchor(
  ctx: ReadContext,
  block: { hash: string; number: number; specVersion: number },
  relayHead: number | null,
): Promise<{ anchor: ChainAnchor; issuance: Issuance }> {
  const [nowHex, relayHex, totalHex, inactiveHex] = await ctx.storage.values([
    storagePrefix('Timestamp', 'Now'),
    storagePrefix('ParachainSystem', 'LastRelayChainBlockNumber'),
    storagePrefix('Balances', 'TotalIssuance'),
    storagePrefix('Balances', 'InactiveIssuance'),
  ]);
  if (!nowHex) ctx.warn('Timestamp.Now is empty; using the reader clock');
  const fromParachain = relayHex ? decodeU32(relayHex, 'parachainSystem.lastRelayChainBlockNumber') : null;
  const relayBlock = relayHead ?? fromParachain;
  if (relayBlock === null)
    throw new Error(
      'no relay block number: ParachainSystem.LastRelayChainBlockNumber is empty and no relay endpoint is set',
    );
  return {
    anchor: {
      blockHash: block.hash,
      blockNumber: block.number,
      relayBlock,
      timestampMs: nowHex ? Number(decodeU64(nowHex, 'timestamp.now')) : Date.now(),
      specVersion: block.specVersion,
    },
    issuance: {
      total: totalHex ? decodeU128(totalHex, 'balances.totalIssuance') : 0n,
      inactive: inactiveHex ? decodeU128(inactiveHex, 'balances.inactiveIssuance') : 0n,
    },
  };
}
