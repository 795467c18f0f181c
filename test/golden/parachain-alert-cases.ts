/**
 * The coretime, para and crowdloan alerts, one case per kind and the variants whose wording
 * differs (a sale already in its lead-in, the fixed price, an auto-renewed core shared with another
 * para, a para with no name in the table, a registration and a deregistration, a head without a
 * number, a lease and a crowdloan deposit).
 */
import type { Alert, AlertFacts } from './surfaces.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CONTRIBUTOR = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
const KSM = 1_000_000_000_000n;

export interface ParachainCase {
  name: string;
  context: 'full' | 'bare';
  alert: Alert;
}

export function parachainAlertCases(nowMs: number, relayBlock: number): ParachainCase[] {
  const at = (offsetMs: number) => ({ block: relayBlock + offsetMs / 6_000, atMs: nowMs + offsetMs });
  const alert = (
    id: string,
    severity: Alert['severity'],
    facts: AlertFacts,
    scope: Alert['scope'],
  ): Alert => ({
    id,
    severity,
    scope,
    version: 4_812,
    relayBlock,
    dataAtMs: nowMs - 150_000,
    facts,
  });
  const coretime = { type: 'coretime', below: null } as const;
  const started = {
    kind: 'sale-started' as const,
    regionBegin: 390_000,
    regionEnd: 395_040,
    phase: 'interlude' as const,
    saleStart: at(2 * HOUR),
    leadinEnd: at(7 * DAY + 2 * HOUR),
    saleEnd: at(14 * DAY),
    regionStart: at(14 * DAY + MIN),
    regionStop: at(42 * DAY + MIN),
    startPrice: String(100n * KSM),
    endPrice: String(KSM),
    coresOffered: 12,
    coresAvailable: 12,
  };
  const renewal = {
    kind: 'renewal-due' as const,
    para: 2000,
    core: 60,
    regionBegin: 390_000,
    deadline: at(6 * DAY + 12 * HOUR),
    price: String(3n * KSM + 250_000_000_000n),
    leadMinutes: 7 * 1_440,
    autoRenew: false,
    sharedWith: [],
  };
  const withdrawable = {
    kind: 'crowdloan-withdrawable' as const,
    address: CONTRIBUTOR,
    entry: 'contribution' as const,
    para: 2023,
    block: at(-10 * MIN),
    amount: String(25n * KSM),
    call: `ahOps.withdrawCrowdloanContribution(${relayBlock - 100}, ${CONTRIBUTOR}, 2023)`,
  };
  return [
    {
      name: 'sale-started (opens later: the interlude)',
      context: 'full',
      alert: alert('sale:390000:started', 'info', started, coretime),
    },
    {
      name: 'sale-started (already in its lead-in, some cores sold, bare context)',
      context: 'bare',
      alert: alert(
        'sale:390000:started',
        'info',
        { ...started, phase: 'leadin', saleStart: at(-HOUR), coresAvailable: 9 },
        coretime,
      ),
    },
    {
      name: 'sale-price-below (in the lead-in)',
      context: 'full',
      alert: alert(
        'sale:390000:below:5',
        'warning',
        {
          kind: 'sale-price-below',
          regionBegin: 390_000,
          level: '5',
          price: '4714285714285',
          endPrice: String(KSM),
          phase: 'leadin',
          leadinEnd: at(DAY + 3 * HOUR),
          saleEnd: at(8 * DAY),
          coresAvailable: 1,
        },
        { type: 'coretime', below: '5' },
      ),
    },
    {
      name: 'sale-price-below (the fixed price after the lead-in)',
      context: 'full',
      alert: alert(
        'sale:390000:below:1.5',
        'warning',
        {
          kind: 'sale-price-below',
          regionBegin: 390_000,
          level: '1.5',
          price: String(KSM),
          endPrice: String(KSM),
          phase: 'fixed',
          leadinEnd: at(-DAY),
          saleEnd: at(6 * DAY),
          coresAvailable: 3,
        },
        { type: 'coretime', below: '1.5' },
      ),
    },
    {
      name: 'renewal-due (7 d)',
      context: 'full',
      alert: alert('renewal:2000:60:390000:168h', 'warning', renewal, { type: 'para', para: 2000 }),
    },
    {
      name: 'renewal-due (1 h, auto-renewal on, the core shared with a para the table does not name)',
      context: 'full',
      alert: alert(
        'renewal:2000:61:390000:1h',
        'info',
        {
          ...renewal,
          core: 61,
          deadline: at(50 * MIN),
          leadMinutes: 60,
          autoRenew: true,
          sharedWith: [3999],
        },
        { type: 'para', para: 2000 },
      ),
    },
    {
      name: 'renewal-due (1 h, a para the table does not name, bare context)',
      context: 'bare',
      alert: alert(
        'renewal:3999:62:390000:1h',
        'critical',
        { ...renewal, para: 3999, core: 62, deadline: at(50 * MIN), leadMinutes: 60 },
        { type: 'para', para: 3999 },
      ),
    },
    {
      name: 'para-lifecycle (a parathread becomes a parachain)',
      context: 'full',
      alert: alert(
        `para:2000:lifecycle:UpgradingParathread-Parachain@${relayBlock}`,
        'info',
        { kind: 'para-lifecycle', para: 2000, from: 'UpgradingParathread', to: 'Parachain', seen: at(0) },
        { type: 'para', para: 2000 },
      ),
    },
    {
      name: 'para-lifecycle (registered)',
      context: 'full',
      alert: alert(
        `para:3999:lifecycle:None-Onboarding@${relayBlock}`,
        'info',
        { kind: 'para-lifecycle', para: 3999, from: 'None', to: 'Onboarding', seen: at(0) },
        { type: 'para', para: 3999 },
      ),
    },
    {
      name: 'para-lifecycle (deregistered)',
      context: 'bare',
      alert: alert(
        `para:2001:lifecycle:OffboardingParathread-None@${relayBlock}`,
        'warning',
        { kind: 'para-lifecycle', para: 2001, from: 'OffboardingParathread', to: 'None', seen: at(0) },
        { type: 'para', para: 2001 },
      ),
    },
    {
      name: 'para-stalled (on a core)',
      context: 'full',
      alert: alert(
        `para:2000:stalled:${relayBlock - 700}:1h`,
        'warning',
        {
          kind: 'para-stalled',
          para: 2000,
          headNumber: 8_123_456,
          headAt: at(-70 * MIN),
          stalledMs: 70 * MIN,
          stallMinutes: 60,
          cores: [60],
        },
        { type: 'para', para: 2000, stallMinutes: 60 },
      ),
    },
    {
      name: 'para-stalled (no core, the head without a number)',
      context: 'full',
      alert: alert(
        `para:3999:stalled:${relayBlock - 3_000}:2h`,
        'warning',
        {
          kind: 'para-stalled',
          para: 3999,
          headNumber: null,
          headAt: at(-5 * HOUR),
          stalledMs: 5 * HOUR,
          stallMinutes: 120,
          cores: [],
        },
        { type: 'para', para: 3999, stallMinutes: 120 },
      ),
    },
    {
      name: 'crowdloan-withdrawable (a contribution)',
      context: 'full',
      alert: alert(
        `crowdloan:${CONTRIBUTOR}:contribution:${relayBlock - 100}:2023`,
        'warning',
        withdrawable,
        {
          type: 'address',
          address: CONTRIBUTOR,
        },
      ),
    },
    {
      name: 'crowdloan-withdrawable (a crowdloan deposit, bare context)',
      context: 'bare',
      alert: alert(
        `crowdloan:${CONTRIBUTOR}:crowdloan:${relayBlock - 100}:2023`,
        'warning',
        {
          ...withdrawable,
          entry: 'crowdloan',
          amount: String(500n * KSM),
          call: `ahOps.unreserveCrowdloanReserve(${relayBlock - 100}, ${CONTRIBUTOR}, 2023)`,
        },
        { type: 'address', address: CONTRIBUTOR },
      ),
    },
    {
      name: 'crowdloan-withdrawable (a lease deposit)',
      context: 'full',
      alert: alert(
        `crowdloan:${CONTRIBUTOR}:lease:${relayBlock - 100}:2023`,
        'warning',
        {
          ...withdrawable,
          entry: 'lease',
          amount: String(2n * KSM),
          call: `ahOps.unreserveLeaseDeposit(${relayBlock - 100}, ${CONTRIBUTOR}, 2023)`,
        },
        { type: 'address', address: CONTRIBUTOR },
      ),
    },
  ];
}
