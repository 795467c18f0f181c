/** Where and when the snapshot was read: block, relay block, timestamp and issuance. */
import type { ChainAnchor, Issuance } from '../../../core/types/snapshot.js';
import { storagePrefix } from '../rpc/keys.js';
import { ScaleReader } from '../scale/reader.js';
import { decodeU128 } from '../scale/staking-codecs.js';
import type { ReadContext } from './context.js';

export async function readAnchor(
  ctx: ReadContext,
  block: { hash: string; number: number; specVersion: number; genesisHash: string },
  relayHead: number | null,
): Promise<{ anchor: ChainAnchor; issuance: Issuance }> {
  const [nowHex, relayHex, totalHex, inactiveHex] = await ctx.storage.values([
    storagePrefix('Timestamp', 'Now'),
    storagePrefix('ParachainSystem', 'LastRelayChainBlockNumber'),
    storagePrefix('Balances', 'TotalIssuance'),
    storagePrefix('Balances', 'InactiveIssuance'),
  ]);
  if (!nowHex) ctx.warn('Timestamp.Now is empty; using the reader clock');
  const fromParachain = relayHex ? ScaleReader.fromHex(relayHex).u32() : null;
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
      timestampMs: nowHex ? Number(ScaleReader.fromHex(nowHex).u64()) : Date.now(),
      specVersion: block.specVersion,
      genesisHash: block.genesisHash,
    },
    issuance: {
      total: totalHex ? decodeU128(totalHex, 'balances.totalIssuance') : 0n,
      inactive: inactiveHex ? decodeU128(inactiveHex, 'balances.inactiveIssuance') : 0n,
    },
  };
}
