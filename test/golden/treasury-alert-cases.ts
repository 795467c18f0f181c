/**
 * The treasury and bounty alerts, one case per kind and the variants whose wording differs (a
 * spend approved already claimable, a failed one expiring, a child bounty, a multi-asset bounty, a
 * beneficiary that is not an account here).
 */
import type { Alert, AlertFacts } from './surfaces.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const BENEFICIARY = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
const CURATOR = 'FFdDXFK1VKG6ig6QvuZKRAh4cVFz5Y3LBPjRh9yvrhFxKrn';

export interface TreasuryCase {
  name: string;
  context: 'full' | 'bare';
  alert: Alert;
}

export function treasuryAlertCases(nowMs: number, relayBlock: number): TreasuryCase[] {
  const at = (offsetMs: number) => ({ block: relayBlock + offsetMs / 6_000, atMs: nowMs + offsetMs });
  const alert = (
    id: string,
    severity: Alert['severity'],
    facts: AlertFacts,
    scope?: Alert['scope'],
  ): Alert => ({
    id,
    severity,
    scope: scope ?? {
      type: 'treasury',
      asset: 'USDT',
      amount: '20000000000',
      decimals: 6,
      ksmValue: null,
      addresses: [BENEFICIARY],
    },
    version: 4_812,
    relayBlock,
    dataAtMs: nowMs - 150_000,
    facts,
  });
  const spend = {
    index: 42,
    asset: 'USDT',
    decimals: 6,
    amount: '20000000000',
    beneficiary: BENEFICIARY,
    validFrom: at(-2 * DAY),
    expireAt: at(88 * DAY),
    approvedBy: 412,
  };
  const legacy = {
    ref: '12',
    pallet: 'bounties' as const,
    child: null,
    asset: 'KSM',
    decimals: 12,
    value: '1000000000000000',
    description: 'Kusama <events> & meetups',
    curator: CURATOR,
    beneficiary: null,
  };
  const child = {
    ...legacy,
    ref: '12/4',
    child: { parent: 12, id: 4 },
    value: '50000000000000',
    description: null,
  };
  const multi = {
    ...legacy,
    ref: 'm3',
    pallet: 'multiAssetBounties' as const,
    asset: 'USDC',
    decimals: 6,
    value: '250000000000',
    description: null,
  };
  return [
    {
      name: 'spend-approved (claimable from a later time)',
      context: 'full',
      alert: alert('spend:42:approved', 'info', {
        kind: 'spend-approved',
        ...spend,
        validFrom: at(3 * HOUR),
        claimable: false,
      }),
    },
    {
      name: 'spend-approved (already claimable, no referendum, KSM)',
      context: 'full',
      alert: alert('spend:43:approved', 'info', {
        kind: 'spend-approved',
        ...spend,
        index: 43,
        asset: 'KSM',
        decimals: 12,
        amount: '5000000000000',
        approvedBy: null,
        claimable: true,
      }),
    },
    {
      name: 'spend-claimable',
      context: 'full',
      alert: alert('spend:42:claimable', 'warning', { kind: 'spend-claimable', ...spend }),
    },
    {
      name: 'spend-expiring (1 d)',
      context: 'full',
      alert: alert(`spend:42:expiring:${relayBlock + 14_000}:24h`, 'warning', {
        kind: 'spend-expiring',
        ...spend,
        expireAt: at(23 * HOUR),
        leadMinutes: 1_440,
        failed: false,
      }),
    },
    {
      name: 'spend-expiring (1 h, its payment failed, beneficiary elsewhere, bare context)',
      context: 'bare',
      alert: alert(`spend:44:expiring:${relayBlock + 500}:1h`, 'critical', {
        kind: 'spend-expiring',
        ...spend,
        index: 44,
        beneficiary: 'parachain 2000, account 0x1234…cdef',
        expireAt: at(50 * MIN),
        leadMinutes: 60,
        failed: true,
      }),
    },
    {
      name: 'spend-payout-failed',
      context: 'full',
      alert: alert('spend:42:failed:7', 'warning', { kind: 'spend-payout-failed', ...spend }),
    },
    {
      name: 'bounty-created (a legacy bounty)',
      context: 'full',
      alert: alert('bounty:12:created', 'info', {
        kind: 'bounty-created',
        ...legacy,
        curator: null,
        status: 'Proposed',
      }),
    },
    {
      name: 'bounty-created (a child bounty)',
      context: 'full',
      alert: alert('bounty:12.4:created', 'info', { kind: 'bounty-created', ...child, status: 'Added' }),
    },
    {
      name: 'bounty-funded (a multi-asset bounty)',
      context: 'full',
      alert: alert('bounty:m3:funded', 'info', { kind: 'bounty-funded', ...multi }),
    },
    {
      name: 'bounty-curator (proposed, legacy)',
      context: 'full',
      alert: alert(`bounty:12:curator-proposed:${CURATOR}`, 'info', {
        kind: 'bounty-curator',
        ...legacy,
        event: 'proposed',
        curator: CURATOR,
      }),
    },
    {
      name: 'bounty-curator (proposed, a child of a multi-asset bounty)',
      context: 'full',
      alert: alert(`bounty:m3.1:curator-proposed:${CURATOR}`, 'info', {
        kind: 'bounty-curator',
        ...multi,
        ref: 'm3/1',
        child: { parent: 3, id: 1 },
        event: 'proposed',
        curator: CURATOR,
      }),
    },
    {
      name: 'bounty-curator (accepted)',
      context: 'full',
      alert: alert(`bounty:12:curator-accepted:${CURATOR}`, 'info', {
        kind: 'bounty-curator',
        ...legacy,
        event: 'accepted',
        curator: CURATOR,
      }),
    },
    {
      name: 'bounty-awarded (a child bounty, claimable later)',
      context: 'full',
      alert: alert(`bounty:12.4:awarded:${BENEFICIARY}`, 'info', {
        kind: 'bounty-awarded',
        ...child,
        beneficiary: BENEFICIARY,
        unlockAt: at(4 * DAY),
      }),
    },
    {
      name: 'bounty-awarded (a multi-asset bounty, paid out)',
      context: 'full',
      alert: alert(`bounty:m3:awarded:${BENEFICIARY}`, 'info', {
        kind: 'bounty-awarded',
        ...multi,
        beneficiary: BENEFICIARY,
        unlockAt: null,
      }),
    },
    {
      name: 'bounty-claimable (legacy)',
      context: 'full',
      alert: alert(`bounty:12:claimable:${BENEFICIARY}`, 'warning', {
        kind: 'bounty-claimable',
        ...legacy,
        beneficiary: BENEFICIARY,
      }),
    },
    {
      name: 'bounty-claimable (a child bounty)',
      context: 'full',
      alert: alert(`bounty:12.4:claimable:${BENEFICIARY}`, 'warning', {
        kind: 'bounty-claimable',
        ...child,
        beneficiary: BENEFICIARY,
      }),
    },
    {
      name: 'bounty-update-due (7 d)',
      context: 'full',
      alert: alert(
        `bounty:12:update-due:${relayBlock + 100_000}:168h`,
        'warning',
        {
          kind: 'bounty-update-due',
          ...legacy,
          curator: CURATOR,
          updateDue: at(6 * DAY + 22 * HOUR),
          leadMinutes: 10_080,
        },
        { type: 'address', address: CURATOR },
      ),
    },
  ];
}
