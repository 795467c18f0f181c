/**
 * The treasury and bounty rules over two versions of the stored treasury: what each finds, with
 * which id, and who it reaches (treasury subscribers by asset and minimum, the beneficiary's and
 * curator's address subscribers).
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../core/alerts/alert-types.js';
import { treasuryAlerts } from '../../../core/alerts/detect.js';
import { isAlertId } from '../../../core/alerts/identity.js';
import { fanOut } from '../../../core/alerts/matching.js';
import { DEFAULT_TREASURY_LEAD_MINUTES } from '../../../core/subscriptions/limits.js';
import type { Bounty, TreasuryState } from '../../../core/types/treasury.js';
import { clock, DC, NOW_BLOCK, NOW_MS, sub, TG } from './fixtures.js';
import {
  ALICE,
  BOB,
  bounty,
  byRef,
  CURATOR,
  child,
  DAY_BLOCKS,
  HOLDINGS,
  HOUR_BLOCKS,
  KSM,
  KSM_ASSET,
  spend,
  treasury,
  USDC,
} from './treasury-fixtures.js';

const BASE = NOW_BLOCK - 100;
const LEADS = DEFAULT_TREASURY_LEAD_MINUTES;

function spends(before: TreasuryState | undefined, after: TreasuryState, nowMs = NOW_MS): Alert[] {
  return treasuryAlerts(
    { treasury: { before: before && { treasury: before, relayBlock: BASE }, after } },
    LEADS,
    clock({ nowMs }),
  );
}

function bounties(before: Bounty[] | undefined, after: Bounty[]): Alert[] {
  return treasuryAlerts(
    {
      bounties: {
        before: before && { bounties: byRef(...before), relayBlock: BASE },
        after: byRef(...after),
        holdings: HOLDINGS,
      },
    },
    LEADS,
    clock(),
  );
}

const ids = (alerts: Alert[]) =>
  alerts
    .map((a) => {
      // Every id is one the delivery records and queues accept.
      expect(isAlertId(a.id), a.id).toBe(true);
      return a.id;
    })
    .sort();
const window = { validFrom: NOW_BLOCK - DAY_BLOCKS, expireAt: NOW_BLOCK + 60 * DAY_BLOCKS };

describe('treasury spend alerts', () => {
  it('a new spend is approved; one approved already claimable is told once, by spend-approved', () => {
    const before = treasury([spend(1, window)]);
    const upcoming = spend(2, { validFrom: NOW_BLOCK + DAY_BLOCKS, expireAt: NOW_BLOCK + 91 * DAY_BLOCKS });
    const ready = spend(3, { ...window, approvedBy: 412 });
    const alerts = spends(before, treasury([spend(1, window), upcoming, ready]));
    expect(ids(alerts)).toEqual(['spend:2:approved', 'spend:3:approved']);
    expect(alerts.find((a) => a.id === 'spend:2:approved')!.facts).toMatchObject({ claimable: false });
    expect(alerts.find((a) => a.id === 'spend:3:approved')!.facts).toMatchObject({
      claimable: true,
      approvedBy: 412,
      amount: '20000000000',
      asset: 'USDt',
    });
    // Nothing to compare with on a first run: nothing is new.
    expect(spends(undefined, treasury([upcoming, ready]))).toEqual([]);
  });

  it('relay time passing validFrom makes a spend claimable, once', () => {
    const s = spend(4, { validFrom: NOW_BLOCK - 50, expireAt: NOW_BLOCK + 60 * DAY_BLOCKS });
    const state = treasury([s]);
    expect(ids(spends(state, state))).toEqual(['spend:4:claimable']);
    // Already claimable at the base's block: no news.
    const earlier = spend(4, { ...s, validFrom: BASE - 1 });
    expect(spends(treasury([earlier]), treasury([earlier]))).toEqual([]);
  });

  it('expiry reminders at 7 d, 1 d and 1 h, never for an attempted, paid or expired spend', () => {
    const left = (blocks: number, extra = {}) =>
      spend(5, { validFrom: NOW_BLOCK - DAY_BLOCKS, expireAt: NOW_BLOCK + blocks, ...extra });
    const at = (s: ReturnType<typeof left>) => ids(spends(treasury([s]), treasury([s])));
    expect(at(left(6 * DAY_BLOCKS + 12 * HOUR_BLOCKS))).toEqual([
      `spend:5:expiring:${NOW_BLOCK + 6 * DAY_BLOCKS + 12 * HOUR_BLOCKS}:168h`,
    ]);
    expect(at(left(20 * HOUR_BLOCKS))).toEqual([`spend:5:expiring:${NOW_BLOCK + 20 * HOUR_BLOCKS}:24h`]);
    expect(at(left(50 * 10))).toEqual([`spend:5:expiring:${NOW_BLOCK + 500}:1h`]);
    expect(at(left(8 * DAY_BLOCKS))).toEqual([]);
    expect(at(left(50 * 10, { status: 'Attempted', paymentId: 9n }))).toEqual([]);
    expect(at(left(-1))).toEqual([]);
    // Paid: removed from Spends.
    expect(ids(spends(treasury([left(500)]), treasury([], 6)))).toEqual([]);
    // Failed and still open: the reminder says so.
    const failed = spends(treasury([left(500)]), treasury([left(500, { status: 'Failed' })]));
    expect(failed.find((a) => a.facts.kind === 'spend-expiring')!.facts).toMatchObject({
      failed: true,
      leadMinutes: 60,
    });
    // The same spend seen again gives the same id.
    expect(at(left(500))).toEqual(at(left(500)));
  });

  it('the wall clock moves the reminder into the next window without a new snapshot', () => {
    const s = spend(6, { validFrom: NOW_BLOCK - DAY_BLOCKS, expireAt: NOW_BLOCK + DAY_BLOCKS + 10 });
    const state = treasury([s]);
    expect(ids(spends(state, state))).toEqual([`spend:6:expiring:${s.expireAt}:168h`]);
    expect(ids(spends(state, state, NOW_MS + 5 * 60_000))).toEqual([`spend:6:expiring:${s.expireAt}:24h`]);
  });

  it('a failed payout is told once per attempt, with the payment that failed', () => {
    const attempted = spend(7, { ...window, status: 'Attempted', paymentId: 77n });
    const failed = spend(7, { ...window, status: 'Failed' });
    const alerts = spends(treasury([attempted]), treasury([failed]));
    expect(ids(alerts).filter((id) => id.includes('failed'))).toEqual(['spend:7:failed:77']);
    expect(spends(treasury([failed]), treasury([failed])).filter((a) => a.id.includes('failed'))).toEqual([]);
  });

  it('treasury subscribers by asset and minimum; the beneficiary through its address', () => {
    const before = treasury([]);
    const big = spend(0, { ...window, amount: 20_000n * 10n ** 6n });
    const small = spend(1, { ...window, asset: KSM_ASSET, amount: 5n * KSM, beneficiary: BOB });
    const noRate = spend(2, { ...window, asset: USDC, amount: 10n ** 6n });
    const alerts = spends(before, treasury([big, small, noRate]));
    const subs = [
      sub(TG, { kind: 'treasury', asset: 'USDT', minAmount: '10000' }),
      sub(DC, { kind: 'treasury', asset: null, minAmount: '500' }),
      sub({ ...DC, id: '42' }, { kind: 'treasury', asset: 'KSM', minAmount: '5' }),
      sub({ ...TG, id: '-7' }, { kind: 'address', address: BOB }),
      sub({ ...TG, id: '-8' }, { kind: 'treasury', asset: null, minAmount: null }),
    ];
    const got = fanOut(alerts, subs).map((d) => `${d.target.id} ${d.alert.id}`);
    expect(got.sort()).toEqual(
      [
        // USDT 10000: the 20,000 USDt spend, not the 5 KSM one.
        '-100111 spend:0:approved',
        // 500 KSM of value: 20,000 USDT at 0.1 KSM is 2,000 KSM; USDC has no rate and passes.
        `${DC.id} spend:0:approved`,
        `${DC.id} spend:2:approved`,
        '42 spend:1:approved',
        '-7 spend:1:approved',
        '-8 spend:0:approved',
        '-8 spend:1:approved',
        '-8 spend:2:approved',
      ].sort(),
    );
  });
});

describe('bounty alerts', () => {
  it('created, funded, curator proposed and accepted, awarded and claimable, for bounties and children', () => {
    const before = [bounty(1, { status: 'Approved' }), bounty(2, { status: 'Funded' }), bounty(3)];
    const after = [
      bounty(1, { status: 'Funded' }),
      bounty(2, { status: 'CuratorProposed', curator: CURATOR }),
      bounty(3, {
        status: 'Active',
        curator: CURATOR,
        children: [
          child(3, 0, { status: 'PendingPayout', beneficiary: ALICE, curator: BOB, unlockAt: NOW_BLOCK }),
        ],
      }),
      bounty(4, {
        pallet: 'multiAssetBounties',
        asset: USDC,
        value: 10n ** 9n,
        status: 'Funded',
        curator: CURATOR,
      }),
    ];
    const withBefore = [...before];
    const alerts = bounties(withBefore, after);
    expect(ids(alerts)).toEqual(
      [
        'bounty:1:funded',
        `bounty:2:curator-proposed:${CURATOR}`,
        `bounty:3:curator-accepted:${CURATOR}`,
        'bounty:3.0:created',
        `bounty:3.0:awarded:${ALICE}`,
        `bounty:3.0:claimable:${ALICE}`,
        'bounty:m4:created',
        'bounty:m4:funded',
        `bounty:m4:curator-proposed:${CURATOR}`,
      ].sort(),
    );
    const claim = alerts.find((a) => a.facts.kind === 'bounty-claimable')!;
    expect(claim.scope).toMatchObject({ type: 'treasury', asset: 'KSM', addresses: [ALICE] });
    // Seen again: the changes are no news; only relay time passing the child's unlockAt between the
    // two blocks finds its claim again, under the same id (so it is delivered once).
    expect(ids(bounties(after, after))).toEqual([`bounty:3.0:claimable:${ALICE}`]);
    expect(bounties(undefined, after)).toEqual([]);
  });

  it('an award becomes claimable when relay time passes unlockAt', () => {
    const awarded = (unlockAt: number) =>
      bounty(5, { status: 'PendingPayout', curator: CURATOR, beneficiary: ALICE, unlockAt });
    expect(ids(bounties([awarded(NOW_BLOCK - 10)], [awarded(NOW_BLOCK - 10)]))).toEqual([
      `bounty:5:claimable:${ALICE}`,
    ]);
    expect(bounties([awarded(NOW_BLOCK + 10)], [awarded(NOW_BLOCK + 10)])).toEqual([]);
    expect(bounties([awarded(BASE - 1)], [awarded(BASE - 1)])).toEqual([]);
  });

  it("the curator's update is due: to the curator only, at each lead time", () => {
    const active = bounty(6, { status: 'Active', curator: CURATOR, updateDue: NOW_BLOCK + 20 * HOUR_BLOCKS });
    const alerts = bounties([active], [active]);
    expect(ids(alerts)).toEqual([`bounty:6:update-due:${NOW_BLOCK + 20 * HOUR_BLOCKS}:24h`]);
    expect(alerts[0]!.scope).toEqual({ type: 'address', address: CURATOR });
  });
});
