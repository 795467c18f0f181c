/**
 * The treasury and bounty alerts end to end: versions of the treasury and bounties written to the
 * store (dynalite) as the snapshot writes them (`treasury/current`, `index/bounties`, `bounty/<ref>`),
 * detection on the store's version difference, and delivery through the real notifiers to the fake
 * Telegram and Discord servers. Spends move through their lives (approved, claimable, the expiry
 * reminders at 7 d, 1 d and 1 h, attempted, failed, paid) and bounties through theirs (created,
 * funded, curator proposed and accepted, a child awarded and claimable, an update due). Each alert
 * reaches each platform exactly once, also when detection and dispatch run again; a
 * `treasury USDT 10000` subscription gets the 20,000 USDT spend and not the 5 KSM one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertKind } from '../../../core/alerts/alert-types.js';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import { type BountyIndex, ENTITY, INDEX_ID, TREASURY_ID } from '../../../core/snapshot/entities.js';
import type { Bounty, TreasurySpend } from '../../../core/types/treasury.js';
import { type LocalAlerts, startLocalAlerts } from '../../../dev/alerts/local-runner.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import {
  ALICE,
  BOB,
  bounty,
  CURATOR,
  child,
  DAY_BLOCKS,
  HOUR_BLOCKS,
  KSM,
  KSM_ASSET,
  spend,
  treasury,
  USDC,
} from '../../core/alerts/treasury-fixtures.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { dcChannel, type Platforms, startPlatforms, tgChat } from './harness.js';
import { treasuryReceipts } from './treasury-receipts.js';

const R0 = 31_000_000;
const T0 = Date.UTC(2026, 6, 1, 12);
const chainTime = (relay: number) => T0 + (relay - R0) * 6_000;

/** Every treasury alert (no filter); only USDT from 10,000; the curator's address. */
const ALL: DeliveryTarget[] = [tgChat(40), dcChannel(40)];
const USDT_10K: DeliveryTarget[] = [tgChat(41), dcChannel(41)];
const CURATOR_WATCH: DeliveryTarget[] = [tgChat(42), dcChannel(42)];

function summaries(bounties: Bounty[]): BountyIndex {
  return {
    bountyCount: bounties.filter((b) => b.pallet === 'bounties').length,
    multiAssetBountyCount: bounties.filter((b) => b.pallet === 'multiAssetBounties').length,
    childBountyCount: bounties.reduce((n, b) => n + b.children.length, 0),
    approvals: bounties.filter((b) => b.pallet === 'bounties' && b.awaitingFunding).map((b) => b.id),
    bounties: bounties.map(({ children, ...b }) => ({
      ...b,
      description: b.description?.slice(0, 120) ?? null,
      childCount: children.length,
    })),
  };
}

function entities(relay: number, spends: TreasurySpend[], bounties: Bounty[], spendCount?: number) {
  const anchor = {
    relayBlock: relay,
    blockNumber: relay - R0 + 1,
    blockHash: `0x${relay.toString(16).padStart(64, '0')}`,
    timestampMs: chainTime(relay),
    specVersion: 2_003_000,
  };
  return [
    { kind: ENTITY.status, id: 'current', data: { anchor, activeEra: 9_000, warnings: [] } },
    { kind: ENTITY.treasury, id: TREASURY_ID, data: treasury(spends, spendCount) },
    { kind: ENTITY.index, id: INDEX_ID.bounties, data: summaries(bounties) },
    ...bounties.map((b) => ({ kind: ENTITY.bounty, id: b.ref, data: b })),
  ];
}

describe('treasury alerts end to end: stored treasury → detection → fake platforms', () => {
  let dynamo: TestDynamo;
  let platforms: Platforms;
  let store: SnapshotStore;
  let subs: SubscriptionStore;
  let alerts: LocalAlerts;
  let now = chainTime(R0) + 60_000;

  const received = (target: DeliveryTarget) => treasuryReceipts(platforms, target);

  async function step(relay: number, spends: TreasurySpend[], bounties: Bounty[], spendCount?: number) {
    const { version } = await store.writeVersion(
      { relayBlock: relay },
      entities(relay, spends, bounties, spendCount),
    );
    now = chainTime(relay) + 60_000;
    const run = await alerts.afterSnapshot({ version, endpoint: null });
    await alerts.idle();
    return run!;
  }

  beforeAll(async () => {
    [dynamo, platforms] = await Promise.all([startTestDynamo(), startPlatforms()]);
    const tableName = await dynamo.newTable('treasury-e2e');
    store = createDynamoStore({ client: dynamo.client, tableName });
    subs = createSubscriptionStore({ client: dynamo.client, tableName });
    alerts = startLocalAlerts({
      client: dynamo.client,
      tableName,
      store,
      notifiers: platforms.notifiers(),
      clock: () => now,
      leaseMs: 5_000,
      backoff: { baseMs: 50, maxMs: 500, maxAttempts: 8 },
    });
    for (const t of ALL)
      await subs.subscribe({ ...t, createdBy: '1' }, { kind: 'treasury', asset: null, minAmount: null });
    for (const t of USDT_10K)
      await subs.subscribe({ ...t, createdBy: '1' }, { kind: 'treasury', asset: 'USDT', minAmount: '10000' });
    for (const t of CURATOR_WATCH)
      await subs.subscribe({ ...t, createdBy: '1' }, { kind: 'address', address: CURATOR });
  }, 120_000);

  afterAll(async () => {
    await alerts?.close();
    await platforms?.close();
    await dynamo?.close();
  });

  // Spend 0: 20,000 USDT, claimable from R0 + 200. Spend 4: 5 KSM, approved at R1 already claimable,
  // expiring 6.5 days later. Spend 2: attempted and near its end; spend 3: expired unclaimed.
  const usdt = (extra: Partial<TreasurySpend> = {}) =>
    spend(0, { validFrom: R0 + 200, expireAt: R0 + 200 + 90 * DAY_BLOCKS, approvedBy: 412, ...extra });
  const S1_END = R0 + 10 + 6 * DAY_BLOCKS + 12 * HOUR_BLOCKS;
  const ksm = spend(4, {
    asset: KSM_ASSET,
    amount: 5n * KSM,
    beneficiary: BOB,
    validFrom: R0,
    expireAt: S1_END,
  });
  const attempted = spend(2, {
    asset: USDC,
    validFrom: R0 - 80 * DAY_BLOCKS,
    expireAt: R0 + 30 * HOUR_BLOCKS,
    status: 'Attempted',
    paymentId: 3n,
  });
  const expired = spend(3, { validFrom: R0 - 95 * DAY_BLOCKS, expireAt: R0 - 5 });
  const standing = [attempted, expired];

  const b1 = (status: Bounty['status']) => bounty(1, { status });
  const b2 = (status: Bounty['status'], curator: string | null) => bounty(2, { status, curator });
  const b3 = (children: Bounty['children'], updateDue = R0 + 300 * DAY_BLOCKS) =>
    bounty(3, { status: 'Active', curator: CURATOR, updateDue, children });
  const m1 = bounty(1, {
    pallet: 'multiAssetBounties',
    asset: USDC,
    value: 5_000n * 10n ** 6n,
    status: 'FundingAttempted',
  });

  it('moves spends and bounties through their lives; each alert reaches each platform once', async () => {
    // 1. A first run: nothing is new; the attempted and the expired spend are never reminded.
    const first = await step(R0, [usdt(), ...standing], [b1('Approved'), b2('Funded', null), b3([])]);
    expect(first.alerts.map((a) => a.id)).toEqual([]);

    // 2. The 5 KSM spend (index 4) approved already claimable (and 7 d from its end); bounty 1 funded, a
    //    curator proposed for 2, a child added to 3, a multi-asset bounty created.
    const R1 = R0 + 10;
    await step(
      R1,
      [usdt(), ksm, ...standing],
      [b1('Funded'), b2('CuratorProposed', CURATOR), b3([child(3, 0)]), m1],
    );
    // 3. Relay time passes spend 0's validFrom; bounty 2's curator accepts; the child is awarded,
    //    claimable at once (BountyDepositPayoutDelay 0).
    const R2 = R0 + 200;
    const awarded = child(3, 0, { status: 'PendingPayout', curator: BOB, beneficiary: ALICE, unlockAt: R2 });
    await step(R2, [usdt(), ksm, ...standing], [b1('Funded'), b2('Active', CURATOR), b3([awarded]), m1]);
    // 4. A day before spend 4's end; spend 0's payout attempted; bounty 3's update due in 6 days.
    const R3 = S1_END - 20 * HOUR_BLOCKS;
    const after = [b1('Funded'), b2('Active', CURATOR), b3([awarded], R3 + 6 * DAY_BLOCKS), m1];
    await step(R3, [usdt({ status: 'Attempted', paymentId: 5n }), ksm, attempted, expired], after);
    // 5. 50 minutes before spend 4's end; spend 0's payout failed.
    const R4 = S1_END - 500;
    await step(R4, [usdt({ status: 'Failed' }), ksm, attempted, expired], after);
    // 6. Spend 4 paid (removed); its end passes: no more reminders.
    await step(S1_END + 10, [usdt({ status: 'Failed' }), attempted, expired], after, 5);

    const everyone = new Map<string, number>([
      ['spend-approved 4', 1],
      ['spend-expiring 4', 3],
      ['spend-claimable 0', 1],
      ['spend-payout-failed 0', 1],
      ['bounty-funded Bounty #1', 1],
      ['bounty-curator Bounty #2', 2],
      ['bounty-created Child bounty 3/0', 1],
      ['bounty-created Multi-asset bounty #1', 1],
      ['bounty-awarded Child bounty 3/0', 1],
      ['bounty-claimable Child bounty 3/0', 1],
    ]);
    const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b));
    for (const t of ALL) expect(sorted(received(t))).toEqual(sorted(everyone));
    // USDT from 10,000: the 20,000 USDT spend's news, not the 5 KSM spend nor the KSM bounties.
    for (const t of USDT_10K)
      expect(sorted(received(t))).toEqual(
        sorted(
          new Map([
            ['spend-claimable 0', 1],
            ['spend-payout-failed 0', 1],
          ]),
        ),
      );
    // The curator: proposed and accepted on bounty 2, and bounty 3's update due (to it alone).
    for (const t of CURATOR_WATCH)
      expect(sorted(received(t))).toEqual(
        sorted(
          new Map([
            ['bounty-curator Bounty #2', 2],
            ['bounty-update-due Bounty #3', 1],
          ]),
        ),
      );
    // The reminders were the three lead times, in order.
    const reminders = (await alerts.records.recent(ALL[0]!, { limit: 200 }))
      .filter((r) => r.alert.facts.kind === 'spend-expiring')
      .map((r) => r.alert.id)
      .sort();
    expect(reminders).toEqual(
      [
        `spend:4:expiring:${S1_END}:168h`,
        `spend:4:expiring:${S1_END}:1h`,
        `spend:4:expiring:${S1_END}:24h`,
      ].sort(),
    );
  }, 240_000);

  it('detection and dispatch run again: nothing more arrives', async () => {
    const before = [...ALL, ...USDT_10K, ...CURATOR_WATCH].map((t) => [...received(t)]);
    await alerts.afterSnapshot({ endpoint: null });
    await alerts.idle();
    expect([...ALL, ...USDT_10K, ...CURATOR_WATCH].map((t) => [...received(t)])).toEqual(before);
  }, 120_000);

  it('every new kind went out', () => {
    const kinds = new Set(
      [...received(ALL[0]!).keys(), ...received(CURATOR_WATCH[0]!).keys()].map((k) => k.split(' ')[0]),
    );
    const expected: AlertKind[] = [
      'spend-approved',
      'spend-claimable',
      'spend-expiring',
      'spend-payout-failed',
      'bounty-created',
      'bounty-funded',
      'bounty-curator',
      'bounty-awarded',
      'bounty-claimable',
      'bounty-update-due',
    ];
    expect([...kinds].sort()).toEqual([...expected].sort());
  });
});
