/**
 * The dev Kusama People chain, seeded with a scenario's identities: what `npm start` runs beside
 * the dev Asset Hub and relay chain, and what the identity tests read from. Its blocks are built
 * only on demand; the seeded block is the head.
 */
import { seedStorage } from '../scenario/seed.js';
import type { PeopleScenario } from '../scenario/types.js';
import { type DevChain, startDevChain } from './devchain.js';
import { PEOPLE_RUNTIME } from './runtimes.js';

export async function startPeopleChain(
  people: PeopleScenario,
  options: { port?: number; identity?: string } = {},
): Promise<DevChain> {
  const chain = await startDevChain({
    port: options.port ?? 0,
    runtime: PEOPLE_RUNTIME,
    identity: options.identity,
  });
  try {
    await seedStorage(chain.endpoint, people.storage);
    return chain;
  } catch (error) {
    await chain.close();
    throw error;
  }
}
