/**
 * The small scenario on the three dev chains the parachain answers come from: Asset Hub (with its
 * `AhOps` refunds), the relay chain (paras, cores, on-demand; held at the scenario's relay block)
 * and the Coretime chain (the broker's sale, leases and renewals).
 */
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { assetHubRuntime, CORETIME_RUNTIME, RELAY_RUNTIME } from '../../../dev/chain/runtimes.js';
import { generateScenario, type Scenario, seedStorage } from '../../../dev/scenario/index.js';

export interface ParachainChains {
  scenario: Scenario;
  chains: DevChain[];
  endpoints: { assetHub: string[]; relay: string[]; coretime: string[] };
}

export async function startParachainChains(runtime: number, seed = 42): Promise<ParachainChains> {
  const scenario = generateScenario({ size: 'small', seed, runtime, onProgress: () => {} });
  const chains: DevChain[] = [];
  try {
    const [assetHub, relay, coretime] = await Promise.all([
      startDevChain({ runtime: assetHubRuntime(runtime), identity: `small/${seed}/${runtime}` }),
      startDevChain({ runtime: RELAY_RUNTIME }),
      startDevChain({ runtime: CORETIME_RUNTIME }),
    ]);
    chains.push(assetHub, relay, coretime);
    await Promise.all([
      seedStorage(assetHub.endpoint, scenario.storage),
      seedStorage(relay.endpoint, scenario.relay.storage),
      seedStorage(coretime.endpoint, scenario.coretime.storage),
    ]);
    // The relay chain holds the block the seeded Asset Hub block was built on, finalized.
    await relay.newBlockAt(scenario.expected.anchor.relayBlock);
    return {
      scenario,
      chains,
      endpoints: { assetHub: [assetHub.endpoint], relay: [relay.endpoint], coretime: [coretime.endpoint] },
    };
  } catch (error) {
    for (const c of chains) await c.close().catch(() => undefined);
    throw error;
  }
}
