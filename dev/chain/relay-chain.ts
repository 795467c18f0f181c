/**
 * The dev Kusama relay chain, at the scenario's relay block and seeded with its parachain storage
 * (paras, registrations, heads, cores, the on-demand queue, the host configuration): the block the
 * seeded Asset Hub block was built on, as its head. Blocks are built only on demand; a later relay
 * block is one `newBlockAt(height)` away, and the seeded storage stays.
 */
import { seedStorage } from '../scenario/seed.js';
import type { ChainStorage } from '../scenario/types.js';
import { type DevChain, startDevChain } from './devchain.js';
import { RELAY_RUNTIME } from './runtimes.js';

export async function startRelayChain(
  relay: ChainStorage,
  relayBlock: number,
  options: { port?: number; identity?: string } = {},
): Promise<DevChain> {
  const chain = await startDevChain({
    port: options.port ?? 0,
    runtime: RELAY_RUNTIME,
    identity: options.identity,
  });
  try {
    await chain.newBlockAt(relayBlock);
    await seedStorage(chain.endpoint, relay.storage);
    return chain;
  } catch (error) {
    await chain.close();
    throw error;
  }
}
