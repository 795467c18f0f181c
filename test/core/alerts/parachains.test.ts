/**
 * The coretime, para and crowdloan rules over relay, Coretime chain and crowdloan states built with
 * Kusama's numbers: what each finds, its ids (the same change seen twice is one id), who it reaches,
 * and how it reads.
 */
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../core/alerts/alert-types.js';
import { type ParachainsData, parachainAlerts } from '../../../core/alerts/detect.js';
import { parachainWatch } from '../../../core/alerts/detect-parachains.js';
import { fanOut } from '../../../core/alerts/matching.js';
import { alertMessage } from '../../../core/alerts/messages.js';
import { salePriceAt } from '../../../core/coretime/sale-price.js';
import type { ParachainsEntity } from '../../../core/snapshot/entities.js';
import type { SubscriptionSpec } from '../../../core/subscriptions/subscription-model.js';
import { clock, DC, sub, TG } from './fixtures.js';
import {
  CONTRIBUTOR,
  core,
  coretime,
  crowdloanAccount,
  DAY_BLOCKS,
  entity,
  HOUR_BLOCKS,
  KSM,
  para,
  REGION_BEGIN,
  REGION_END,
  relay,
  renewal,
  S0,
  SALE_END,
  SALE_START,
  sale,
} from './parachain-fixtures.js';

const LEADS = [7 * 1_440, 1_440, 60];
const at = (relayBlock: number) =>
  clock({ relayBlock, timestampMs: 1_800_000_000_000, nowMs: 1_800_000_000_000 });

function run(
  after: ParachainsEntity,
  relayBlock: number,
  options: {
    before?: { entity: ParachainsEntity; relayBlock: number };
    specs?: SubscriptionSpec[];
    leads?: number[];
  } = {},
): Alert[] {
  const data: ParachainsData = {
    parachains: { after, before: options.before },
    watch: parachainWatch(options.specs ?? []),
  };
  return parachainAlerts(data, options.leads ?? LEADS, at(relayBlock));
}

const text = (a: Alert) => {
  const m = alertMessage(a, { nowMs: 1_800_000_000_000 });
  return [m.title, ...m.lines].join('\n');
};

describe('sale-started', () => {
  const previous = coretime({
    sale: sale({
      saleStart: SALE_START - 28 * DAY_BLOCKS,
      regionBegin: REGION_BEGIN - 5_040,
      regionEnd: REGION_BEGIN,
    }),
  });

  it('tells a new sale once, with its start and end price and when the lead-in ends', () => {
    const after = entity(null, coretime({ sale: sale({ saleStart: S0 + 100 }) }));
    const before = { entity: entity(null, previous), relayBlock: S0 - 50 };
    const [alert, ...rest] = run(after, S0, { before });
    expect(rest).toEqual([]);
    expect(alert!.id).toBe(`sale:${REGION_BEGIN}:started`);
    expect(alert!.scope).toEqual({ type: 'coretime', below: null });
    expect(alert!.facts).toMatchObject({
      kind: 'sale-started',
      phase: 'interlude',
      startPrice: (100n * KSM).toString(),
      endPrice: KSM.toString(),
      coresOffered: 12,
      coresAvailable: 8,
    });
    expect(run(after, S0, { before })[0]!.id).toBe(alert!.id);
    expect(text(alert!)).toContain(
      'The price falls from 100 KSM at the start to 1 KSM when the lead-in ends',
    );
    expect(text(alert!)).toContain('only renewals can be made');
  });

  it('is silent on a first run, for the same sale, and without a previous Coretime part', () => {
    const after = entity(null, coretime());
    expect(run(after, S0)).toEqual([]);
    expect(run(after, S0, { before: { entity: entity(null, coretime()), relayBlock: S0 - 50 } })).toEqual([]);
    expect(run(after, S0, { before: { entity: entity(null, null), relayBlock: S0 - 50 } })).toEqual([]);
  });
});

describe('sale-price-below', () => {
  const specs: SubscriptionSpec[] = [
    { kind: 'coretime', below: '5' },
    { kind: 'coretime', below: '0.5' },
    { kind: 'coretime', below: null },
  ];
  const after = entity(null, coretime());

  it('fires for each level the price reached, once per sale and level', () => {
    const block = SALE_START + 80_000;
    const price = salePriceAt(sale(), block);
    expect(price).toBeLessThanOrEqual(5n * KSM);
    expect(price).toBeGreaterThan(4n * KSM);
    const alerts = run(after, block, { specs });
    expect(alerts.map((a) => a.id)).toEqual([`sale:${REGION_BEGIN}:below:5`]);
    expect(alerts[0]!.facts).toMatchObject({ level: '5', price: price.toString(), phase: 'leadin' });
    expect(alerts[0]!.scope).toEqual({ type: 'coretime', below: '5' });
    expect(text(alerts[0]!)).toContain('at or below your 5 KSM');
  });

  it('is silent above the level, before the sale opens, after it ended, and without levels', () => {
    expect(run(after, S0, { specs })).toEqual([]);
    const interlude = entity(null, coretime({ sale: sale({ saleStart: S0 + 100, endPrice: KSM / 100n }) }));
    expect(run(interlude, S0, { specs })).toEqual([]);
    expect(run(after, SALE_END, { specs })).toEqual([]);
    expect(run(after, SALE_START + 80_000)).toEqual([]);
  });

  it('the fixed price after the lead-in reaches a level equal to the end price', () => {
    const alerts = run(after, SALE_START + 7 * DAY_BLOCKS + 10, {
      specs: [{ kind: 'coretime', below: '1' }],
    });
    expect(alerts.map((a) => a.facts)).toMatchObject([{ phase: 'fixed', price: KSM.toString() }]);
    expect(text(alerts[0]!)).toContain('It stays there until the sale ends');
  });
});

describe('renewal-due', () => {
  const ct = (extra = {}) =>
    coretime({
      renewals: [
        renewal(60, [2000]),
        renewal(61, [2001, 2002]),
        renewal(62, [2003], { when: REGION_END }),
        renewal(63, [2004], { completion: { type: 'partial', mask: '0xffff0000000000000000' } }),
        renewal(64, [2005], { when: REGION_BEGIN - 5_040 }),
      ],
      autoRenewals: [{ core: 60, para: 2000, nextRenewal: REGION_BEGIN }],
      ...extra,
    });

  it('reminds each para of a due renewal at the tightest lead that holds the time left', () => {
    const week = run(entity(null, ct()), SALE_END - 6 * DAY_BLOCKS - 12 * HOUR_BLOCKS);
    expect(week.map((a) => a.id)).toEqual([
      `renewal:2000:60:${REGION_BEGIN}:168h`,
      `renewal:2001:61:${REGION_BEGIN}:168h`,
      `renewal:2002:61:${REGION_BEGIN}:168h`,
    ]);
    expect(week.map((a) => a.scope)).toEqual([
      { type: 'para', para: 2000 },
      { type: 'para', para: 2001 },
      { type: 'para', para: 2002 },
    ]);
    expect(week[0]!.facts).toMatchObject({ autoRenew: true, price: (3n * KSM).toString(), core: 60 });
    expect(week[0]!.severity).toBe('info');
    expect(week[1]!.facts).toMatchObject({ autoRenew: false, sharedWith: [2002] });
    expect(week[1]!.severity).toBe('warning');
    expect(text(week[1]!)).toContain('broker.renew(61)');
    expect(text(week[1]!)).toContain('3 KSM');
    expect(text(week[0]!)).toContain('Auto-renewal is on');
    const day = run(entity(null, ct()), SALE_END - 20 * HOUR_BLOCKS);
    expect(day.map((a) => a.id.split(':').at(-1))).toEqual(['24h', '24h', '24h']);
    const hour = run(entity(null, ct()), SALE_END - 500);
    expect(hour.map((a) => [a.id.split(':').at(-1), a.severity])).toEqual([
      ['1h', 'info'],
      ['1h', 'critical'],
      ['1h', 'critical'],
    ]);
  });

  it('never after the renewal, for a partial or lapsed entry, outside the leads, or when the data is too old', () => {
    const renewed = ct({ renewals: [renewal(60, [2000], { when: REGION_END })] });
    expect(run(entity(null, renewed), SALE_END - 500)).toEqual([]);
    expect(run(entity(null, ct()), SALE_END - 8 * DAY_BLOCKS)).toEqual([]);
    expect(run(entity(null, ct()), SALE_END + 5)).toEqual([]);
    expect(run(entity(null, ct()), SALE_END - 500, { leads: [] })).toEqual([]);
  });
});

describe('para-lifecycle', () => {
  const before = {
    entity: entity(relay(S0 - 50, [para(2000, { lifecycle: 'Parathread' }), para(2001), para(2002)]), null),
    relayBlock: S0 - 50,
  };
  const after = entity(
    relay(S0, [para(2000, { lifecycle: 'Parachain' }), para(2001), para(3000, { lifecycle: null })]),
    null,
  );

  it('tells a change, an appearance and a removal, each to its para', () => {
    const alerts = run(after, S0, { before });
    expect(alerts.map((a) => a.id)).toEqual([
      `para:2000:lifecycle:Parathread-Parachain@${S0}`,
      `para:2002:lifecycle:Parachain-None@${S0}`,
      `para:3000:lifecycle:None-Reserved@${S0}`,
    ]);
    expect(alerts.map((a) => a.scope)).toEqual([
      { type: 'para', para: 2000 },
      { type: 'para', para: 2002 },
      { type: 'para', para: 3000 },
    ]);
    expect(alerts.map((a) => alertMessage(a, { nowMs: 0 }).title)).toEqual([
      'Karura (2000) is now a parachain (lease)',
      'Para 2002 deregistered',
      'Para 3000 registered: registered, id reserved without code',
    ]);
  });

  it('is silent on a first run and when nothing changed', () => {
    expect(run(after, S0)).toEqual([]);
    expect(run(after, S0, { before: { entity: after, relayBlock: S0 - 50 } })).toEqual([]);
  });
});

describe('para-stalled', () => {
  const specs: SubscriptionSpec[] = [
    { kind: 'para', para: 2000, stallMinutes: 60 },
    { kind: 'para', para: 2000, stallMinutes: 120 },
    { kind: 'para', para: 2001, stallMinutes: 60 },
    { kind: 'para', para: 4000, stallMinutes: 60 },
  ];
  const stuck = (headRelayBlock: number) =>
    entity(relay(S0, [para(2000, { headRelayBlock }), para(2001)], [core(5, 2000)]), null);

  it('fires once the head is older than the stall time, per stall time, re-armed by a new head', () => {
    const alerts = run(stuck(S0 - 700), S0, { specs });
    expect(alerts.map((a) => [a.id, a.scope])).toEqual([
      [`para:2000:stalled:${S0 - 700}:1h`, { type: 'para', para: 2000, stallMinutes: 60 }],
    ]);
    expect(alerts[0]!.facts).toMatchObject({ stalledMs: 700 * 6_000, cores: [5], headNumber: 8_000_000 });
    expect(text(alerts[0]!)).toContain('1h 10m without a new one');
    expect(run(stuck(S0 - 1_300), S0, { specs }).map((a) => a.id)).toEqual([
      `para:2000:stalled:${S0 - 1_300}:1h`,
      `para:2000:stalled:${S0 - 1_300}:2h`,
    ]);
    expect(run(stuck(S0 - 100), S0, { specs })).toEqual([]);
    expect(run(stuck(S0 - 100), S0 + 700, { specs }).map((a) => a.id)).toEqual([
      `para:2000:stalled:${S0 - 100}:1h`,
      `para:2001:stalled:${S0 - 2}:1h`,
    ]);
  });
});

describe('crowdloan-withdrawable', () => {
  const accounts = [
    crowdloanAccount(CONTRIBUTOR, [
      { kind: 'contribution', block: S0 - 10, para: 2000, amount: 25n * KSM },
      { kind: 'contribution', block: S0 - 200, para: 2001, amount: 1n * KSM },
      { kind: 'crowdloan', block: S0, para: 2000, amount: 500n * KSM },
      { kind: 'lease', block: S0 + 1, para: 2000, amount: 2n * KSM },
    ]),
  ];
  const detect = (beforeRelayBlock: number | null, relayBlock = S0) =>
    parachainAlerts(
      { crowdloans: { accounts, beforeRelayBlock }, watch: parachainWatch([]) },
      LEADS,
      at(relayBlock),
    );

  it('tells each entry whose block relay time reached since the previous version, with its call', () => {
    const alerts = detect(S0 - 100);
    expect(alerts.map((a) => a.id)).toEqual([
      `crowdloan:${CONTRIBUTOR}:contribution:${S0 - 10}:2000`,
      `crowdloan:${CONTRIBUTOR}:crowdloan:${S0}:2000`,
    ]);
    expect(alerts[0]!.scope).toEqual({ type: 'address', address: CONTRIBUTOR });
    expect(alerts[0]!.facts).toMatchObject({
      call: `ahOps.withdrawCrowdloanContribution(${S0 - 10}, ${CONTRIBUTOR}, 2000)`,
      amount: (25n * KSM).toString(),
    });
    expect(text(alerts[1]!)).toContain(`ahOps.unreserveCrowdloanReserve(${S0}, ${CONTRIBUTOR}, 2000)`);
    expect(text(alerts[1]!)).toContain('only once every contribution to that crowdloan is withdrawn');
    expect(detect(S0, S0 + 1).map((a) => a.facts)).toMatchObject([
      { entry: 'lease', call: `ahOps.unreserveLeaseDeposit(${S0 + 1}, ${CONTRIBUTOR}, 2000)` },
    ]);
  });

  it('is silent on a first run', () => {
    expect(detect(null)).toEqual([]);
  });
});

describe('who receives them', () => {
  const subs = [
    sub(TG, { kind: 'coretime', below: null }),
    sub(DC, { kind: 'coretime', below: '5' }),
    sub(TG, { kind: 'para', para: 2000, stallMinutes: 60 }),
    sub(DC, { kind: 'para', para: 2000, stallMinutes: 120 }),
    sub(DC, { kind: 'address', address: CONTRIBUTOR }),
  ];
  const targets = (alerts: Alert[]) =>
    fanOut(alerts, subs).map((d) => `${d.alert.facts.kind} ${d.target.platform}`);

  it('a new sale every coretime subscriber, a price level only its own, a para its subscribers', () => {
    const previous = coretime({ sale: sale({ regionBegin: REGION_BEGIN - 5_040 }) });
    const started = run(entity(null, coretime()), S0, {
      before: { entity: entity(null, previous), relayBlock: S0 - 5 },
    });
    expect(targets(started)).toEqual(['sale-started telegram', 'sale-started discord']);
    const below = run(entity(null, coretime()), SALE_START + 80_000, {
      specs: subs.map((s) => s.subscription.spec),
    });
    expect(targets(below)).toEqual(['sale-price-below discord']);
    const stalled = run(entity(relay(S0, [para(2000, { headRelayBlock: S0 - 700 })]), null), S0, {
      specs: subs.map((s) => s.subscription.spec),
    });
    expect(targets(stalled)).toEqual(['para-stalled telegram']);
    const due = run(entity(null, coretime({ renewals: [renewal(60, [2000])] })), SALE_END - 500);
    expect(targets(due)).toEqual(['renewal-due telegram', 'renewal-due discord']);
  });
});
