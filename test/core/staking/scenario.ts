/**
 * The hand-computed scenario. Active era 1000 (planned 1001), started 2 h before the snapshot; the claim window
 * is 917..1001, so 917 expires next and 916 is out. Expected figures are worked out in the tests' comments.
 */
import { poolBondedAccount } from '../../../core/staking/index.js';
import type { Snapshot } from '../../../core/types/index.js';
import {
  accountOf,
  emptySnapshot,
  eraOf,
  HOUR_MS,
  ksm,
  ledgerOf,
  poolOf,
} from '../../fixtures/staking-fixture.js';

export const ACTIVE = 1000;
export const START_MS = 1_790_000_000_000;
export const NOW_MS = START_MS + 2 * HOUR_MS;

export const who = {
  v1: accountOf('hand/v1'),
  v2: accountOf('hand/v2'),
  waiting: accountOf('hand/v3-waiting'),
  blocked: accountOf('hand/v4-blocked'),
  chilled: accountOf('hand/v5-chilled'),
  v6: accountOf('hand/v6'),
  all: accountOf('hand/nominator-all-active'),
  allController: accountOf('hand/nominator-all-active/controller'),
  none: accountOf('hand/nominator-none-active'),
  unexposed: accountOf('hand/nominator-not-exposed'),
  x: accountOf('hand/whale'),
  pool: poolBondedAccount(7),
  member: accountOf('hand/pool-member'),
  depositor: accountOf('hand/pool-depositor'),
  stranger: accountOf('hand/stranger'),
};

export const PCT = 10_000_000;

export function handScenario(): Snapshot {
  const s = emptySnapshot(ACTIVE, START_MS, NOW_MS);
  const st = s.staking;
  st.minNominatorBond = ksm(10);
  st.minimumActiveStake = ksm(80);
  st.validators = {
    [who.v1]: { stash: who.v1, commission: 10 * PCT, blocked: false },
    [who.v2]: { stash: who.v2, commission: 5 * PCT, blocked: false },
    [who.waiting]: { stash: who.waiting, commission: 7 * PCT, blocked: false },
    [who.blocked]: { stash: who.blocked, commission: 3 * PCT, blocked: true },
    [who.v6]: { stash: who.v6, commission: 2 * PCT, blocked: false },
  };
  const ledgers = [
    ledgerOf(who.v1, ksm(1_000)),
    ledgerOf(who.v2, ksm(100)),
    ledgerOf(who.waiting, ksm(500)),
    ledgerOf(who.blocked, ksm(500)),
    ledgerOf(who.chilled, ksm(300)),
    ledgerOf(who.v6, ksm(800)),
    ledgerOf(
      who.all,
      ksm(500),
      [
        [ksm(50), 995],
        [ksm(50), 1010],
      ],
      who.allController,
    ),
    ledgerOf(who.none, ksm(50)),
    ledgerOf(who.unexposed, ksm(90)),
    ledgerOf(who.x, ksm(5_000)),
    ledgerOf(who.pool, ksm(1_000)),
  ];
  for (const l of ledgers) st.ledgers[l.stash] = l;
  const nominate = (stash: string, targets: string[], submittedIn: number) => {
    st.nominators[stash] = { stash, targets, submittedIn, suppressed: false };
  };
  nominate(who.all, [who.v1, who.v2], 900);
  nominate(who.none, [who.waiting, who.blocked, who.chilled], 950);
  nominate(who.unexposed, [who.v1, who.v6], 1000);
  nominate(who.x, [who.v1, who.v6], 800);
  nominate(who.pool, [who.v2], 850);
  st.payees = {
    [who.all]: { kind: 'Staked' },
    [who.none]: { kind: 'Stash' },
    [who.unexposed]: { kind: 'Account', account: who.x },
    [who.v1]: { kind: 'Stash' },
  };

  const oldEra = (era: number) =>
    eraOf(era, ksm(500), {
      [who.v1]: {
        commission: 10 * PCT,
        own: ksm(1_000),
        pages: [
          [
            [who.all, ksm(300)],
            [who.x, ksm(200)],
          ],
        ],
        points: 50,
      },
      [who.v6]: { commission: 2 * PCT, own: ksm(800), pages: [[[who.x, ksm(700)]]], points: 50 },
    });
  const paidEra = (era: number, v1Claimed: number[], v2Claimed: number[]) =>
    eraOf(era, ksm(1_000), {
      [who.v1]: {
        commission: 10 * PCT,
        own: ksm(1_000),
        pages: [
          [
            [who.all, ksm(300)],
            [who.x, ksm(700)],
          ],
        ],
        points: 600,
        claimed: v1Claimed,
      },
      [who.v2]: {
        commission: 5 * PCT,
        own: ksm(100),
        pages: [[[who.pool, ksm(700)]], [[who.all, ksm(200)]]],
        points: 400,
        claimed: v2Claimed,
      },
    });
  st.history = [
    oldEra(916),
    oldEra(917),
    paidEra(990, [0], [0, 1]),
    paidEra(999, [], [0]),
    eraOf(ACTIVE, null, {
      [who.v1]: {
        commission: 10 * PCT,
        own: ksm(1_000),
        pages: [
          [
            [who.all, ksm(300)],
            [who.x, ksm(700)],
          ],
        ],
        points: 20,
      },
      [who.v2]: {
        commission: 5 * PCT,
        own: ksm(100),
        pages: [[[who.pool, ksm(1_000)]], [[who.all, ksm(200)]]],
        points: 10,
      },
      [who.v6]: { commission: 2 * PCT, own: ksm(800), pages: [[[who.x, ksm(1_000)]]] },
    }),
  ];

  s.pools.pools[7] = {
    ...poolOf(7, ksm(2_000), who.depositor, 10 * PCT),
    name: 'Hand Pool',
    // 20 KSM arrived since the counter was recorded (at zero).
    rewardPool: {
      lastRecordedRewardCounter: 0n,
      lastRecordedTotalPayouts: 0n,
      totalRewardsClaimed: 0n,
      totalCommissionPending: 0n,
      totalCommissionClaimed: 0n,
    },
    rewardBalance: ksm(20),
    subPools: {
      noEra: { points: 0n, balance: 0n },
      withEra: [
        { era: 999, points: ksm(10), balance: ksm(10) },
        { era: 1005, points: ksm(40), balance: ksm(40) },
      ],
    },
  };
  s.pools.members[who.member] = {
    who: who.member,
    poolId: 7,
    points: ksm(500),
    lastRecordedRewardCounter: 0n,
    unbondingEras: [
      { era: 999, points: ksm(10) },
      { era: 1005, points: ksm(40) },
    ],
  };
  return s;
}
