/** A dev chain to read conviction voting from directly: its pinned block's storage and metadata. */
import { startDevChain } from '../../../../dev/chain/devchain.js';
import { assetHubRuntime } from '../../../../dev/chain/runtimes.js';
import { type StoragePair, seedStorage } from '../../../../dev/scenario/index.js';
import type { ReadContext } from '../../../../lambdas/snapshot/read/context.js';
import { MetadataCodec } from '../../../../lambdas/snapshot/read/metadata-codec.js';
import { connectFirst } from '../../../../lambdas/snapshot/rpc/connect.js';
import { RawStorage } from '../../../../lambdas/snapshot/rpc/raw-storage.js';

export interface VotingChain {
  ctx: ReadContext;
  codec: MetadataCodec;
  storage: RawStorage;
  warnings: string[];
  close(): Promise<void>;
}

/** Starts the dev Asset Hub on `runtime`, seeds `pairs`, and pins its finalized head. */
export async function votingChain(
  pairs: StoragePair[],
  runtime?: number,
  identity = 'voting',
): Promise<VotingChain> {
  const chain = await startDevChain({ runtime: assetHubRuntime(runtime), identity });
  if (pairs.length > 0) await seedStorage(chain.endpoint, pairs);
  const conn = await connectFirst([chain.endpoint], 30_000, () => undefined);
  const hash = (await conn.provider.send('chain_getFinalizedHead', [])) as string;
  const codec = new MetadataCodec(await conn.api.at(hash));
  const storage = new RawStorage((method, params) => conn.provider.send(method, params), hash);
  const warnings: string[] = [];
  const ctx: ReadContext = {
    storage,
    has: (p, i) => codec.has(p, i),
    decoders: { decoder: (item) => item.decode },
    warn: (m) => warnings.push(m),
  };
  return {
    ctx,
    codec,
    storage,
    warnings,
    close: async () => {
      await conn.close().catch(() => undefined);
      await chain.close();
    },
  };
}
