/**
 * Every address a snapshot lets Herald show, whose names the snapshot reads from the People chain:
 * validators, nominators and their targets, referendum depositors (submission and decision deposits),
 * treasury spend beneficiaries and legacy proposals' beneficiaries, bounty and child-bounty curators,
 * beneficiaries and proposers, the delegates of watched voters, pool roles, para managers, and
 * the accounts with crowdloan contributions or deposits waiting on Asset Hub.
 */
import type { Snapshot } from '../types/snapshot.js';
import type { Address } from '../types/staking.js';

/** An SS58 address as the snapshot keeps them (a beneficiary that is not an account is JSON). */
const SS58 = /^[1-9A-HJ-NP-Za-km-z]{40,50}$/;

export function namedAddresses(snapshot: Snapshot): Address[] {
  const out = new Set<Address>();
  const add = (a: Address | null | undefined) => {
    if (a && SS58.test(a)) out.add(a);
  };
  for (const v of Object.keys(snapshot.staking.validators)) add(v);
  for (const [stash, n] of Object.entries(snapshot.staking.nominators)) {
    add(stash);
    for (const t of n.targets) add(t);
  }
  for (const r of Object.values(snapshot.governance.referenda)) {
    add(r.submissionDeposit?.who);
    add(r.decisionDeposit?.who);
  }
  for (const s of snapshot.treasury?.spends ?? []) add(s.beneficiary);
  for (const p of snapshot.treasury?.proposals ?? []) add(p.beneficiary);
  for (const b of snapshot.bounties?.bounties ?? []) {
    add(b.curator);
    add(b.beneficiary);
    add(b.proposer);
    for (const c of b.children) {
      add(c.curator);
      add(c.beneficiary);
    }
  }
  for (const voter of Object.values(snapshot.voting)) {
    for (const voting of Object.values(voter.classes)) if (voting.type === 'delegating') add(voting.target);
  }
  for (const p of Object.values(snapshot.pools.pools)) {
    add(p.roles.depositor);
    add(p.roles.root);
    add(p.roles.nominator);
    add(p.roles.bouncer);
  }
  for (const para of snapshot.parachains?.relay?.paras ?? []) add(para.manager);
  for (const c of snapshot.parachains?.crowdloan?.contributions ?? []) add(c.contributor);
  for (const d of snapshot.parachains?.crowdloan?.deposits ?? []) add(d.account);
  return [...out].sort();
}
