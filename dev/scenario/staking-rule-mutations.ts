/**
 * Mutations of the staking rules governance sets, as `set_staking_configs` would write them:
 * whether nominators are slashable (statemine 2,003,000 on; runtimes before have no such switch).
 */
import { finishChange } from './apply-changes.js';
import { ScenarioError } from './errors.js';
import { storageContext } from './storage-context.js';
import type { Scenario, ScenarioChange } from './types.js';

const same = (s: Scenario) => ({ size: s.size, seed: s.seed, fixtures: s.fixtures });

/** Writes Staking.AreNominatorsSlashable. */
export function setNominatorsSlashable(scenario: Scenario, slashable: boolean): ScenarioChange {
  const ctx = storageContext(scenario.runtime);
  if (!ctx.has('Staking', 'AreNominatorsSlashable'))
    throw new ScenarioError(`statemine ${scenario.runtime} has no Staking.AreNominatorsSlashable`);
  const expected = {
    ...scenario.expected,
    constants: { ...scenario.expected.constants, nominatorsSlashable: slashable },
  };
  const write = ctx.pair('Staking', 'AreNominatorsSlashable', [], slashable);
  return finishChange(scenario, { ...same(scenario), expected }, [write]);
}
