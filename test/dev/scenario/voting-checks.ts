/** Checks of the scenario's voting storage that hold for every size. */
import { expect } from 'vitest';
import type { OngoingReferendum } from '../../../core/types/governance.js';
import type { Scenario, VotingRecord } from '../../../dev/scenario/index.js';
import { voteLock } from '../../../dev/scenario/voting-model.js';

const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** What the voting records imply the chain must hold: per account, class locks; per referendum, a floor for its tally. */
export function votingChecks(s: Scenario): void {
  const records = s.fixtures.voting;
  const seen = new Set<string>();
  for (const r of records) {
    const key = `${r.who}/${r.track}`;
    expect(seen.has(key), key).toBe(false);
    seen.add(key);
    if (r.kind === 'Casting') {
      const ids = r.votes.map((v) => v.refId);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      for (const id of ids) expect(s.expected.governance.referenda[id], `${key} #${id}`).toBeDefined();
    } else
      expect(
        seen.has(`${r.target}/${r.track}`) || records.some((x) => x.who === r.target && x.track === r.track),
      ).toBe(true);
  }
  // ClassLocksFor: the pallet's locked balance per class, in the order the account's classes were first locked.
  for (const [who, voter] of Object.entries(s.expected.voting)) {
    const own = records.filter((r) => r.who === who);
    const lockOf = (r: VotingRecord) => {
      const votes =
        r.kind === 'Delegating' ? r.balance : r.votes.reduce((m, v) => max(m, voteLock(v.vote)), 0n);
      return max(votes, r.prior?.amount ?? 0n);
    };
    expect(voter.classLocks).toEqual(
      own.filter((r) => lockOf(r) > 0n).map((r) => ({ track: r.track, amount: lockOf(r) })),
    );
  }
  // Every ongoing tally holds at least what the seeded votes and their delegations add.
  for (const [id, info] of Object.entries(s.expected.governance.referenda)) {
    if (info.status !== 'ongoing') continue;
    let ayes = 0n;
    for (const r of records)
      if (r.kind === 'Casting')
        for (const v of r.votes)
          if (v.refId === Number(id) && v.vote.kind === 'Standard' && v.vote.aye)
            ayes += v.vote.balance / 10n;
    expect((info as OngoingReferendum).tally.ayes, `#${id}`).toBeGreaterThanOrEqual(ayes);
  }
}
