/**
 * The treasury alerts end to end on the dev chain: the scenario's treasury and bounty mutations
 * (spends approved, claimable, attempted, failed, paid, relay time reaching each expiry lead;
 * a bounty proposed, funded, given a curator who accepts, its update falling due, awarded; a child
 * bounty added), the snapshot job reading them, detection on the store's version difference, and
 * delivery through the real notifiers to the fake Telegram and Discord servers. Each alert reaches
 * each platform once, also after detection and dispatch run again; the reminders come at 7 d, 1 d
 * and 1 h and never after the spend is paid; `treasury USDT 10000` gets the 20,000 USDT spend and
 * not the 5 KSM one. On both supported runtimes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../../core/ports/notifier.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import { type LocalAlerts, startLocalAlerts } from '../../../dev/alerts/local-runner.js';
import {
  acceptCurator,
  addChildBounty,
  approveBounty,
  approveSpend,
  awardBounty,
  bountyUpdateDueIn,
  fundBounty,
  payoutAttempted,
  payoutFailed,
  proposeBounty,
  proposeCurator,
  type Scenario,
  type ScenarioChange,
  spendBecomesClaimable,
  spendExpiryLeadReached,
  spendPaid,
} from '../../../dev/scenario/index.js';
import { runSnapshotJob } from '../../../lambdas/snapshot/job.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type SeededChain, seededChain } from '../snapshot/chain-fixture.js';
import { dcChannel, type Platforms, startPlatforms, tgChat } from './harness.js';
import { treasuryReceipts } from './treasury-receipts.js';

const KSM = 10n ** 12n;
const DAY_BLOCKS = 14_400;

describe.each([
  { runtime: undefined, label: 'statemine 2,003,000' },
  { runtime: 1_009_003, label: 'statemine 1,009,003' },
])(
  'treasury alerts on the dev chain ($label): scenario mutations → snapshot → detection → fake platforms',
  ({ runtime }) => {
    let seeded: SeededChain;
    let dynamo: TestDynamo;
    let platforms: Platforms;
    let store: SnapshotStore;
    let subs: SubscriptionStore;
    let alerts: LocalAlerts;
    const archive = new MemoryEraArchive();
    let chainTime = 0;
    let stepStarted = Date.now();
    const clock = () => chainTime + 60_000 + (Date.now() - stepStarted);
    const offset = runtime === undefined ? 0 : 10;
    const ALL: DeliveryTarget[] = [tgChat(50 + offset), dcChannel(50 + offset)];
    const USDT_10K: DeliveryTarget[] = [tgChat(51 + offset), dcChannel(51 + offset)];
    const CURATOR: DeliveryTarget[] = [tgChat(52 + offset), dcChannel(52 + offset)];
    const received = (t: DeliveryTarget) => treasuryReceipts(platforms, t);
    const count = (t: DeliveryTarget, key: string) => received(t).get(key) ?? 0;

    async function step(changes: Array<(s: Scenario) => ScenarioChange>) {
      for (const f of changes) {
        const change = f(seeded.scenario);
        await seeded.apply(change.changes);
        seeded.scenario = change.scenario;
      }
      const summary = await runSnapshotJob({
        store,
        endpoints: { assetHub: [seeded.chain.endpoint] },
        archive,
        watched: () => subs.watchedAddresses(),
      });
      chainTime = seeded.scenario.expected.anchor.timestampMs;
      stepStarted = Date.now();
      const run = await alerts.afterSnapshot({ version: summary.version, endpoint: seeded.chain.endpoint });
      await alerts.idle();
      return run!;
    }

    const accounts = () => seeded.scenario.fixtures.treasuryCases.accounts;
    let ksmSpend = 0;
    let usdtSpend = 0;
    let bountyRef = '';
    let childName = '';

    beforeAll(async () => {
      [seeded, dynamo, platforms] = await Promise.all([
        seededChain(13, runtime),
        startTestDynamo(),
        startPlatforms(),
      ]);
      const tableName = await dynamo.newTable('treasury-chain-e2e');
      store = createDynamoStore({ client: dynamo.client, tableName });
      subs = createSubscriptionStore({ client: dynamo.client, tableName });
      alerts = startLocalAlerts({
        client: dynamo.client,
        tableName,
        store,
        notifiers: platforms.notifiers(),
        clock,
        leaseMs: 5_000,
        backoff: { baseMs: 50, maxMs: 500, maxAttempts: 8 },
      });
      const by = { createdBy: '1' };
      for (const t of ALL)
        await subs.subscribe({ ...t, ...by }, { kind: 'treasury', asset: null, minAmount: null });
      for (const t of USDT_10K)
        await subs.subscribe({ ...t, ...by }, { kind: 'treasury', asset: 'USDT', minAmount: '10000' });
      for (const t of CURATOR)
        await subs.subscribe({ ...t, ...by }, { kind: 'address', address: accounts().namedCurator });
    }, 180_000);

    afterAll(async () => {
      await alerts?.close();
      await seeded?.close();
      await platforms?.close();
      await dynamo?.close();
    });

    it('a first run tells nothing new', async () => {
      const run = await step([]);
      const news = [
        'spend-approved',
        'spend-claimable',
        'spend-payout-failed',
        'bounty-created',
        'bounty-funded',
      ];
      expect(run.alerts.filter((a) => news.includes(a.facts.kind))).toEqual([]);
    }, 180_000);

    it('spends approved and claimable, a bounty created and funded; the USDT filter sees only its spend', async () => {
      const t = seeded.scenario.expected.treasury!;
      ksmSpend = t.spendCount;
      usdtSpend = t.spendCount + 1;
      bountyRef = String(seeded.scenario.expected.bounties!.bountyCount);
      const now = seeded.scenario.expected.anchor.relayBlock;
      await step([
        (s) =>
          approveSpend(s, { asset: 'KSM', amount: 5n * KSM, beneficiary: accounts().unnamedBeneficiary }),
        (s) =>
          approveSpend(s, {
            asset: 'USDT',
            amount: 20_000n * 10n ** 6n,
            beneficiary: accounts().namedBeneficiary,
            validFrom: now + 100,
          }),
        (s) =>
          proposeBounty(s, {
            value: 100n * KSM,
            description: 'Kusama meetups',
            proposer: accounts().namedBeneficiary,
          }),
      ]);
      await step([
        (s) => spendBecomesClaimable(s, usdtSpend),
        (s) => approveBounty(s, bountyRef),
        (s) => fundBounty(s, bountyRef),
      ]);
      for (const target of ALL) {
        expect(count(target, `spend-approved ${ksmSpend}`)).toBe(1);
        expect(count(target, `spend-approved ${usdtSpend}`)).toBe(1);
        expect(count(target, `spend-claimable ${usdtSpend}`)).toBe(1);
        // Approved already claimable: told by spend-approved alone.
        expect(count(target, `spend-claimable ${ksmSpend}`)).toBe(0);
        expect(count(target, `bounty-created Bounty #${bountyRef}`)).toBe(1);
        expect(count(target, `bounty-funded Bounty #${bountyRef}`)).toBe(1);
      }
      for (const target of USDT_10K) {
        expect(count(target, `spend-approved ${usdtSpend}`)).toBe(1);
        expect(count(target, `spend-claimable ${usdtSpend}`)).toBe(1);
        expect(count(target, `spend-approved ${ksmSpend}`)).toBe(0);
        expect(count(target, `bounty-created Bounty #${bountyRef}`)).toBe(0);
      }
    }, 300_000);

    it('a curator proposed and accepted, a child bounty added, a payout failed', async () => {
      const parent = seeded.scenario.fixtures.treasuryCases.bounties.active;
      await step([(s) => proposeCurator(s, bountyRef, accounts().namedCurator, KSM)]);
      const children = seeded.scenario.expected.bounties!.bounties.find(
        (b) => b.ref === parent,
      )!.childrenTotal;
      childName = `Child bounty ${parent}/${children}`;
      await step([
        (s) => acceptCurator(s, bountyRef),
        (s) => addChildBounty(s, parent, KSM, 'Translations'),
        (s) => payoutAttempted(s, usdtSpend),
      ]);
      await step([(s) => payoutFailed(s, usdtSpend)]);
      for (const target of [...ALL, ...CURATOR])
        expect(count(target, `bounty-curator Bounty #${bountyRef}`)).toBe(2);
      for (const target of ALL) expect(count(target, `bounty-created ${childName}`)).toBe(1);
      for (const target of [...ALL, ...USDT_10K])
        expect(count(target, `spend-payout-failed ${usdtSpend}`)).toBe(1);
    }, 300_000);

    it('the expiry reminder at 7 d, 1 d and 1 h, and never once the spend is paid', async () => {
      await step([(s) => spendExpiryLeadReached(s, ksmSpend, 'week')]);
      await step([(s) => spendExpiryLeadReached(s, ksmSpend, 'day')]);
      await step([(s) => spendExpiryLeadReached(s, ksmSpend, 'hour')]);
      for (const target of ALL) expect(count(target, `spend-expiring ${ksmSpend}`)).toBe(3);
      const ids = (await alerts.records.recent(ALL[0]!, { sinceMs: 0, limit: 1_000 }))
        .map((r) => r.alert.id)
        .filter((id) => id.startsWith(`spend:${ksmSpend}:expiring:`))
        .map((id) => id.split(':').at(-1))
        .sort();
      expect(ids).toEqual(['168h', '1h', '24h']);
      await step([(s) => payoutAttempted(s, ksmSpend), (s) => spendPaid(s, ksmSpend)]);
      for (const target of ALL) expect(count(target, `spend-expiring ${ksmSpend}`)).toBe(3);
      // The seeded attempted and expired spends were never reminded.
      const cases = seeded.scenario.fixtures.treasuryCases.spends;
      for (const target of ALL) {
        expect(count(target, `spend-expiring ${cases.attempted}`)).toBe(0);
        expect(count(target, `spend-expiring ${cases.expired}`)).toBe(0);
      }
    }, 300_000);

    it("the curator's update falls due (to the curator alone), then the bounty is awarded and claimable", async () => {
      await step([(s) => bountyUpdateDueIn(s, bountyRef, 6 * DAY_BLOCKS)]);
      for (const target of CURATOR) expect(count(target, `bounty-update-due Bounty #${bountyRef}`)).toBe(1);
      for (const target of ALL) expect(count(target, `bounty-update-due Bounty #${bountyRef}`)).toBe(0);
      await step([(s) => awardBounty(s, bountyRef, accounts().namedBeneficiary)]);
      for (const target of ALL) {
        expect(count(target, `bounty-awarded Bounty #${bountyRef}`)).toBe(1);
        expect(count(target, `bounty-claimable Bounty #${bountyRef}`)).toBe(1);
      }
    }, 300_000);

    it('detection and dispatch run again: nothing more arrives, and every treasury kind went out', async () => {
      const targets = [...ALL, ...USDT_10K, ...CURATOR];
      const before = targets.map((t) => [...received(t)]);
      await alerts.afterSnapshot({ endpoint: seeded.chain.endpoint });
      await alerts.idle();
      expect(targets.map((t) => [...received(t)])).toEqual(before);
      const kinds = new Set(targets.flatMap((t) => [...received(t).keys()].map((k) => k.split(' ')[0])));
      expect([...kinds].sort()).toEqual(
        [
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
        ].sort(),
      );
    }, 180_000);
  },
);
