/** Chain-wide values (timestamp, relay block, issuance) and the balances every role holds. */
import type { Address } from '../../core/types/index.js';
import { maxBig } from './amounts.js';
import type { BalanceBook } from './balances.js';
import type { PoolsModel } from './pools-model.js';
import type { ReferendaModel } from './referenda-model.js';
import type { StakingModel } from './staking-model.js';
import type { StorageContext } from './storage-context.js';
import type { ScenarioExpected, StoragePair, VotingRecord } from './types.js';
import { classLocks } from './voting-model.js';

/** Existential deposit of Kusama Asset Hub (KSM planck). */
export const EXISTENTIAL_DEPOSIT = 3_333_333n;

export function chainPairs(ctx: StorageContext, e: ScenarioExpected): StoragePair[] {
  return [
    ctx.pair('Timestamp', 'Now', [], e.anchor.timestampMs),
    ctx.pair('ParachainSystem', 'LastRelayChainBlockNumber', [], e.anchor.relayBlock),
    ctx.pair('Balances', 'TotalIssuance', [], e.issuance.total),
    ctx.pair('Balances', 'InactiveIssuance', [], e.issuance.inactive),
  ];
}

export interface HoldInput {
  expected: ScenarioExpected;
  staking: StakingModel;
  pools: PoolsModel;
  referenda: ReferendaModel;
  voting: VotingRecord[];
  proposers: Address[];
}

export function holdBalances(book: BalanceBook, h: HoldInput): void {
  const poolStashes = new Set(h.pools.stakers.map((s) => s.stash.address));
  for (const l of Object.values(h.expected.staking.ledgers)) {
    if (poolStashes.has(l.stash)) book.setFree(l.stash, EXISTENTIAL_DEPOSIT);
    else book.hold(l.stash, l.total);
    if (l.controller !== l.stash) book.touch(l.controller);
  }
  for (const p of Object.values(h.expected.staking.payees)) if (p.kind === 'Account') book.touch(p.account);
  for (const s of h.pools.stakers) {
    book.setFree(s.reward.address, s.rewardFree);
    book.freeze(s.reward.address, EXISTENTIAL_DEPOSIT);
  }
  for (const m of Object.values(h.pools.members)) {
    book.hold(
      m.who,
      m.unbondingEras.reduce((s, u) => s + u.points, m.points),
    );
  }
  for (const p of Object.values(h.pools.pools)) {
    for (const who of [p.roles.root, p.roles.nominator, p.roles.bouncer]) if (who) book.touch(who);
  }
  for (const who of h.proposers) book.touch(who);
  for (const r of Object.values(h.expected.governance.referenda)) {
    for (const d of [r.submissionDeposit, r.decisionDeposit]) if (d) book.hold(d.who, d.amount);
  }
  for (const p of h.referenda.preimages) book.hold(p.deposit.who, p.deposit.amount);
  freezeVotingLocks(book, h.voting);
}

/** The conviction-voting balance lock of each voter: its largest class lock. */
export function freezeVotingLocks(book: BalanceBook, voting: VotingRecord[]): void {
  for (const [who, locks] of Object.entries(classLocks(voting))) {
    book.freeze(
      who,
      locks.reduce((m, [, a]) => maxBig(m, a), 0n),
    );
  }
}
