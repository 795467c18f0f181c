/**
 * Changes that make the voter alerts happen between two snapshot runs, each written as the chain
 * stores it (and returned with the expected state after it, like the other mutations): a new
 * referendum deciding on a track whose decision period ends soon, the voter cases' delegate voting,
 * a referendum ending approved or rejected, relay time passing a prior lock's end, and an unbonding
 * chunk falling due at the next era.
 */
import { RELAY_BLOCK_MS } from '../../core/kusama/constants.js';
import type { Address, OngoingReferendum, UnlockChunk } from '../../core/types/index.js';
import { advanceClock, setReferendum } from './alert-mutations.js';
import { chainChanges, finishChange } from './apply-changes.js';
import { ScenarioError } from './errors.js';
import { addReferendum, addVote } from './governance-mutations.js';
import { storageContext } from './storage-context.js';
import type { Scenario, ScenarioChange, VoteSpec } from './types.js';
import { ledgerValue } from './write-staking.js';

function ongoingRef(scenario: Scenario, id: number): OngoingReferendum {
  const ref = scenario.expected.governance.referenda[id];
  if (ref?.status !== 'ongoing') throw new ScenarioError(`referendum ${id} is not ongoing`);
  return ref;
}

/** Moves a deciding (or preparing) referendum so that its decision period ends `ms` from now. */
export function decisionEndsIn(scenario: Scenario, id: number, ms: number): ScenarioChange {
  const ref = ongoingRef(scenario, id);
  const track = scenario.expected.governance.tracks.find((t) => t.id === ref.track);
  if (!track) throw new ScenarioError(`track ${ref.track} is not in the scenario`);
  const since = scenario.expected.anchor.relayBlock + Math.floor(ms / RELAY_BLOCK_MS) - track.decisionPeriod;
  return setReferendum(scenario, {
    ...ref,
    deciding: { since, confirming: null },
    decisionDeposit: ref.decisionDeposit ?? ref.submissionDeposit,
  });
}

/** A new referendum on `track`, deciding, whose decision period ends `ms` from now. Its id is `referendumCount`. */
export function newDecidingReferendum(scenario: Scenario, track: number, ms: number): ScenarioChange {
  const id = scenario.expected.governance.referendumCount;
  return chainChanges(scenario, [(s) => addReferendum(s, { track }), (s) => decisionEndsIn(s, id, ms)]);
}

/** The voter cases' delegate votes on `referendum` (its delegators' votes go with it). */
export function delegateVotes(scenario: Scenario, referendum: number, vote: VoteSpec): ScenarioChange {
  return addVote(scenario, referendum, vote, scenario.fixtures.voterCases.delegate.address);
}

/** Ends an ongoing referendum approved or rejected, `blocksAgo` relay blocks before now. */
export function endReferendum(
  scenario: Scenario,
  id: number,
  status: 'approved' | 'rejected',
  blocksAgo = 5,
): ScenarioChange {
  const ref = ongoingRef(scenario, id);
  return setReferendum(scenario, {
    status,
    id,
    block: scenario.expected.anchor.relayBlock - blocksAgo,
    submissionDeposit: ref.submissionDeposit,
    decisionDeposit: ref.decisionDeposit,
  });
}

/** Moves chain time to just past relay block `until` (a prior lock's end), if it is still ahead. */
export function passRelayBlock(scenario: Scenario, until: number): ScenarioChange {
  const now = scenario.expected.anchor.relayBlock;
  if (until < now) throw new ScenarioError(`relay block ${until} has passed already (now ${now})`);
  return advanceClock(scenario, (until - now + 1) * RELAY_BLOCK_MS);
}

/** Rewrites `stash`'s unbonding chunks so that one of `value` unlocks in the era after the active one. */
export function unbondingDueNextEra(scenario: Scenario, stash: Address, value: bigint): ScenarioChange {
  const s = scenario.expected.staking;
  const ledger = s.ledgers[stash];
  if (!ledger) throw new ScenarioError(`${stash} has no staking ledger`);
  if (value <= 0n || value > ledger.active)
    throw new ScenarioError(`an unbonding chunk must be within the active bond (${ledger.active} planck)`);
  const era = s.activeEra.index + 1;
  const unlocking: UnlockChunk[] = [...ledger.unlocking.filter((c) => c.era !== era), { value, era }].sort(
    (a, b) => a.era - b.era,
  );
  const next = { ...ledger, active: ledger.active - value, unlocking };
  const expected = {
    ...scenario.expected,
    staking: { ...s, ledgers: { ...s.ledgers, [stash]: next } },
  };
  const write = storageContext(scenario.runtime).pair(
    'Staking',
    'Ledger',
    [ledger.controller],
    ledgerValue(next),
  );
  return finishChange(
    scenario,
    { size: scenario.size, seed: scenario.seed, fixtures: scenario.fixtures, expected },
    [write],
  );
}
