/** A dev chain seeded with a scenario, for the snapshot tests. */
import { type DevChain, startDevChain } from '../../../dev/chain/devchain.js';
import { assetHubRuntime } from '../../../dev/chain/runtimes.js';
import {
  generateScenario,
  type Scenario,
  type StorageChange,
  seedStorage,
} from '../../../dev/scenario/index.js';

export interface SeededChain {
  chain: DevChain;
  scenario: Scenario;
  /** Applies a scenario change to the chain. */
  apply(changes: StorageChange[]): Promise<void>;
  close(): Promise<void>;
}

/** `runtime`: the dev Asset Hub's spec version (statemine 2,003,000 unless said otherwise). */
export async function seededChain(seed = 7, runtime?: number): Promise<SeededChain> {
  const chain = await startDevChain({ runtime: assetHubRuntime(runtime), identity: `small/${seed}` });
  const scenario = generateScenario({ size: 'small', seed, runtime });
  await seedStorage(chain.endpoint, scenario.storage);
  return {
    chain,
    scenario,
    apply: async (changes) => {
      await seedStorage(chain.endpoint, changes);
    },
    close: () => chain.close(),
  };
}

export const bigintJson = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
