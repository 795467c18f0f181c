/**
 * The dev Kusama Coretime chain (para 1005), seeded with a scenario's `Broker` state (the sale, leases,
 * reservations, renewals, plans) and the relay block it last saw: what `npm start` runs beside the
 * other dev chains, and what the coretime tests read from. Its blocks are built only on demand; the
 * seeded block is the head.
 */
import { seedStorage } from '../scenario/seed.js';
import type { ChainStorage } from '../scenario/types.js';
import { type DevChain, startDevChain } from './devchain.js';
import { CORETIME_RUNTIME } from './runtimes.js';

export async function startCoretimeChain(
  coretime: ChainStorage,
  options: { port?: number; identity?: string } = {},
): Promise<DevChain> {
  const chain = await startDevChain({
    port: options.port ?? 0,
    runtime: CORETIME_RUNTIME,
    identity: options.identity,
  });
  try {
    await seedStorage(chain.endpoint, coretime.storage);
    return chain;
  } catch (error) {
    await chain.close();
    throw error;
  }
}
