/**
 * One alert per kind with fixed facts, and the variants whose wording differs (outcomes, delegates,
 * ledger or pool, severities, a missing track name, long ones that split or are trimmed on
 * Telegram), with the fixed clock and message contexts they are rendered at.
 */

import { parachainAlertCases } from './parachain-alert-cases.js';
import type { Alert, AlertFacts, MessageContext } from './surfaces.js';
import { treasuryAlertCases } from './treasury-alert-cases.js';

/** The renderer's clock: 2026-07-20 12:00 UTC. */
export const ALERT_NOW_MS = Date.UTC(2026, 6, 20, 12, 0, 0);
const DATA_AT_MS = ALERT_NOW_MS - 150_000;
const RELAY_BLOCK = 31_562_213;
const MIN = 60_000;
const HOUR = 60 * MIN;

const NOMINATOR = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
const VALIDATOR = 'FFdDXFK1VKG6ig6QvuZKRAh4cVFz5Y3LBPjRh9yvrhFxKrn';
const DELEGATE = 'GXPPBuUaZYYYvsEquX55AQ1MRvgZ96kniEKyAVDSdv1SX96';

/**
 * The dispatcher's context: track names from the snapshot, a chat whose quiet hours name a zone, and
 * on-chain names as the detector attaches them: the validator verified, the delegate a sub-identity
 * whose name needs escaping, the nominator unnamed (shown by its short address).
 */
export const FULL_CONTEXT: MessageContext = {
  nowMs: ALERT_NOW_MS,
  trackNames: new Map([
    [0, 'root'],
    [1, 'whitelisted_caller'],
    [11, 'treasurer'],
    [30, 'small_tipper'],
    [32, 'small_spender'],
  ]),
  timeZone: 'Europe/Berlin',
  names: {
    [VALIDATOR]: { display: 'Aurora Staking', sub: null, verified: true },
    [DELEGATE]: { display: 'Cobalt <Labs> & Co', sub: 'delegate', verified: false },
  },
};

/** No track names and no zone: what the local runner renders with. */
export const BARE_CONTEXT: MessageContext = { nowMs: ALERT_NOW_MS };

export interface AlertCase {
  name: string;
  alert: Alert;
  context: 'full' | 'bare';
  /** A Telegram message limit other than the platform's, to show splitting on a smaller scale. */
  telegramLimit?: number;
}

const at = (block: number, offsetMs: number) => ({ block, atMs: ALERT_NOW_MS + offsetMs });

function alert(
  id: string,
  severity: Alert['severity'],
  facts: AlertFacts,
  extra: Partial<Pick<Alert, 'trackName' | 'scope'>> = {},
): Alert {
  const scope: Alert['scope'] =
    extra.scope ??
    ('referendum' in facts
      ? { type: 'referendum', referendum: facts.referendum, track: 'track' in facts ? facts.track : null }
      : 'address' in facts
        ? { type: 'address', address: facts.address }
        : { type: 'operator' });
  return {
    id,
    severity,
    scope,
    version: 4_812,
    relayBlock: RELAY_BLOCK,
    dataAtMs: DATA_AT_MS,
    facts,
    ...(extra.trackName ? { trackName: extra.trackName } : {}),
  };
}

const LONG_PROPOSAL = Array.from(
  { length: 160 },
  (_, i) =>
    `Milestone ${i + 1}: deliver <part ${i + 1}> of the "Kusama & friends" tooling, audited & documented.`,
).join(' ');

export function alertCases(): AlertCase[] {
  const cases: AlertCase[] = [
    {
      name: 'ref-submitted',
      context: 'full',
      alert: alert('ref:412:submitted', 'info', {
        kind: 'ref-submitted',
        referendum: 412,
        track: 32,
        proposal: 'Treasury.spend 120 KSM to <Kusama Shield> & co',
      }),
    },
    {
      name: 'ref-submitted (no proposal, track name from the alert, bare context)',
      context: 'bare',
      alert: alert(
        'ref:413:submitted',
        'info',
        { kind: 'ref-submitted', referendum: 413, track: 11, proposal: null },
        { trackName: 'treasurer' },
      ),
    },
    {
      name: 'ref-submitted (unknown track name, bare context)',
      context: 'bare',
      alert: alert('ref:414:submitted', 'info', {
        kind: 'ref-submitted',
        referendum: 414,
        track: 77,
        proposal: null,
      }),
    },
    {
      name: 'ref-decision-started',
      context: 'full',
      alert: alert('ref:412:deciding', 'info', {
        kind: 'ref-decision-started',
        referendum: 412,
        track: 32,
        decisionEnd: at(RELAY_BLOCK + 100_800, 7 * 24 * HOUR),
      }),
    },
    {
      name: 'ref-decision-started (no decision end)',
      context: 'full',
      alert: alert('ref:415:deciding', 'info', {
        kind: 'ref-decision-started',
        referendum: 415,
        track: 0,
        decisionEnd: null,
      }),
    },
    {
      name: 'ref-confirm-started',
      context: 'full',
      alert: alert('ref:412:confirming:1', 'info', {
        kind: 'ref-confirm-started',
        referendum: 412,
        track: 32,
        confirmEnd: at(RELAY_BLOCK + 1_200, 2 * HOUR),
      }),
    },
    {
      name: 'ref-confirm-aborted',
      context: 'full',
      alert: alert('ref:412:confirm-aborted:1', 'warning', {
        kind: 'ref-confirm-aborted',
        referendum: 412,
        track: 32,
        decisionEnd: at(RELAY_BLOCK + 50_000, 83 * HOUR + 20 * MIN),
      }),
    },
    {
      name: 'ref-confirm-aborted (no decision end)',
      context: 'full',
      alert: alert('ref:416:confirm-aborted:1', 'warning', {
        kind: 'ref-confirm-aborted',
        referendum: 416,
        track: 1,
        decisionEnd: null,
      }),
    },
    {
      name: 'ref-approved',
      context: 'full',
      alert: alert('ref:412:approved', 'info', {
        kind: 'ref-approved',
        referendum: 412,
        track: 32,
        approved: at(RELAY_BLOCK - 20, -2 * MIN),
        enactment: at(RELAY_BLOCK + 14_400, 24 * HOUR),
      }),
    },
    {
      name: 'ref-approved (track and enactment unknown)',
      context: 'full',
      alert: alert('ref:417:approved', 'info', {
        kind: 'ref-approved',
        referendum: 417,
        track: null,
        approved: at(RELAY_BLOCK - 600, -HOUR),
        enactment: null,
      }),
    },
  ];
  for (const outcome of ['rejected', 'timedOut', 'cancelled', 'killed'] as const)
    cases.push({
      name: `ref-ended (${outcome})`,
      context: 'full',
      alert: alert(`ref:420:${outcome}`, 'info', {
        kind: 'ref-ended',
        referendum: 420,
        track: outcome === 'killed' ? null : 11,
        outcome,
        ended: at(RELAY_BLOCK - 100, -10 * MIN),
      }),
    });
  for (const [lead, deadline, severity] of [
    [1440, 'decision', 'warning'],
    [60, 'confirm', 'critical'],
    [90, 'decision', 'warning'],
  ] as const)
    cases.push({
      name: `ref-deadline (${deadline}, ${lead} min lead)`,
      context: 'full',
      alert: alert(
        `ref:412:deadline:${deadline}:${lead}`,
        severity,
        {
          kind: 'ref-deadline',
          referendum: 412,
          track: 32,
          deadline,
          end: at(RELAY_BLOCK + lead * 10, lead * MIN - 3 * MIN),
          leadMinutes: lead,
          remainingMs: lead * MIN - 3 * MIN,
        },
        {
          scope: { type: 'deadline', referendum: 412, track: 32, leadMinutes: lead, remainingMs: lead * MIN },
        },
      ),
    });
  const notVoted = (
    name: string,
    severity: Alert['severity'],
    lead: number,
    delegate: { address: string; voted: boolean } | null,
  ): AlertCase => ({
    name,
    context: 'full',
    alert: alert(`vote:412:${NOMINATOR}:${lead}:${delegate?.voted ?? 'self'}`, severity, {
      kind: 'ref-not-voted',
      referendum: 412,
      track: 32,
      address: NOMINATOR,
      end: at(RELAY_BLOCK + lead * 10, lead * MIN - MIN),
      leadMinutes: lead,
      remainingMs: lead * MIN - MIN,
      delegate,
    }),
  });
  cases.push(
    notVoted('ref-not-voted (no delegate)', 'warning', 1440, null),
    // Delegating addresses get delegate-not-voted now; these two are records detected before, as /missed shows them.
    notVoted('ref-not-voted (delegate voted, detected before delegate-not-voted)', 'info', 60, {
      address: DELEGATE,
      voted: true,
    }),
    notVoted('ref-not-voted (delegate did not vote, detected before delegate-not-voted)', 'critical', 60, {
      address: DELEGATE,
      voted: false,
    }),
    ...(
      [
        [1440, 'warning', false],
        [60, 'critical', true],
      ] as const
    ).map(
      ([lead, severity, delegating]): AlertCase => ({
        name: `delegate-not-voted (${lead} min lead${delegating ? ', the delegate delegates on' : ''})`,
        context: 'full',
        alert: alert(`dnovote:412:${NOMINATOR}:${RELAY_BLOCK + lead * 10}:${lead}`, severity, {
          kind: 'delegate-not-voted',
          referendum: 412,
          track: 32,
          address: NOMINATOR,
          delegate: { address: DELEGATE, delegating },
          end: at(RELAY_BLOCK + lead * 10, lead * MIN - MIN),
          leadMinutes: lead,
          remainingMs: lead * MIN - MIN,
        }),
      }),
    ),
    {
      name: 'delegate-voted (Aye with conviction, with the title)',
      context: 'full',
      alert: alert(`dvote:${NOMINATOR}:412:${DELEGATE}:1a2b3c4d`, 'info', {
        kind: 'delegate-voted',
        address: NOMINATOR,
        referendum: 412,
        track: 32,
        title: 'Fund the <Kusama Shield> & co',
        delegate: { address: DELEGATE },
        vote: { type: 'standard', aye: true, conviction: 3, balance: '120000000000000' },
        delegated: { balance: '40000000000000', conviction: 2 },
      }),
    },
    {
      name: 'delegate-voted (split, no title, bare context)',
      context: 'bare',
      alert: alert(`dvote:${NOMINATOR}:413:${DELEGATE}:5e6f7a8b`, 'info', {
        kind: 'delegate-voted',
        address: NOMINATOR,
        referendum: 413,
        track: 11,
        title: null,
        delegate: { address: DELEGATE },
        vote: { type: 'split', aye: '10000000000000', nay: '5000000000000' },
        delegated: { balance: '1500000000000', conviction: 0 },
      }),
    },
    {
      name: 'voted-ref-ended (approved, on the winning side with 3x: locked)',
      context: 'full',
      alert: alert(`voted-ended:${NOMINATOR}:412`, 'info', {
        kind: 'voted-ref-ended',
        address: NOMINATOR,
        referendum: 412,
        track: 32,
        outcome: 'approved',
        ended: at(RELAY_BLOCK - 20, -2 * MIN),
        vote: { type: 'standard', aye: true, conviction: 3, balance: '25000000000000' },
        delegate: null,
        lock: {
          state: 'locked',
          amount: '25000000000000',
          until: at(RELAY_BLOCK - 20 + 4 * 100_800, 28 * 24 * HOUR - 2 * MIN),
        },
      }),
    },
    {
      name: 'voted-ref-ended (rejected, on the losing side: removable)',
      context: 'full',
      alert: alert(`voted-ended:${NOMINATOR}:420`, 'info', {
        kind: 'voted-ref-ended',
        address: NOMINATOR,
        referendum: 420,
        track: 11,
        outcome: 'rejected',
        ended: at(RELAY_BLOCK - 100, -10 * MIN),
        vote: { type: 'standard', aye: true, conviction: 1, balance: '9000000000000' },
        delegate: null,
        lock: { state: 'free', amount: '9000000000000', reason: 'losing-side' },
      }),
    },
    {
      name: 'voted-ref-ended (through the delegate, delegated at 2x)',
      context: 'full',
      alert: alert(`voted-ended:${NOMINATOR}:421`, 'info', {
        kind: 'voted-ref-ended',
        address: NOMINATOR,
        referendum: 421,
        track: 32,
        outcome: 'rejected',
        ended: at(RELAY_BLOCK - 100, -10 * MIN),
        vote: { type: 'standard', aye: false, conviction: 6, balance: '700000000000000' },
        delegate: { address: DELEGATE },
        lock: { state: 'delegated', amount: '40000000000000', conviction: 2, days: 14 },
      }),
    },
    {
      name: 'voted-ref-ended (split vote, voting rules unknown)',
      context: 'full',
      alert: alert(`voted-ended:${NOMINATOR}:422`, 'info', {
        kind: 'voted-ref-ended',
        address: NOMINATOR,
        referendum: 422,
        track: 32,
        outcome: 'approved',
        ended: at(RELAY_BLOCK - 100, -10 * MIN),
        vote: { type: 'splitAbstain', aye: '0', nay: '0', abstain: '5000000000000' },
        delegate: null,
        lock: null,
      }),
    },
    {
      name: 'lock-unlockable (a prior lock expired and a vote lost)',
      context: 'full',
      alert: alert(`unlockable:${NOMINATOR}:30000000000000:9c0ffee1`, 'info', {
        kind: 'lock-unlockable',
        address: NOMINATOR,
        amount: '30000000000000',
        lockedNow: '30000000000000',
        lockedAfter: '0',
        calls: [
          { call: 'unlock', track: 11 },
          { call: 'removeVote', track: 32, referendum: 420 },
          { call: 'unlock', track: 32 },
        ],
      }),
    },
    {
      name: 'era-paid',
      context: 'full',
      alert: alert(`era-paid:${NOMINATOR}:7301`, 'info', {
        kind: 'era-paid',
        address: NOMINATOR,
        era: 7_301,
        estimate: '1234567890123',
      }),
    },
    {
      name: 'era-paid (amount not a number)',
      context: 'full',
      alert: alert(`era-paid:${NOMINATOR}:7302`, 'info', {
        kind: 'era-paid',
        address: NOMINATOR,
        era: 7_302,
        estimate: 'n/a',
      }),
    },
    {
      name: 'target-left-active',
      context: 'full',
      alert: alert(`left-active:${NOMINATOR}:${VALIDATOR}:7301`, 'warning', {
        kind: 'target-left-active',
        address: NOMINATOR,
        validator: VALIDATOR,
        era: 7_301,
      }),
    },
    {
      name: 'target-chilled',
      context: 'full',
      alert: alert(`chilled:${NOMINATOR}:${VALIDATOR}:7301`, 'warning', {
        kind: 'target-chilled',
        address: NOMINATOR,
        validator: VALIDATOR,
      }),
    },
    {
      name: 'target-blocked',
      context: 'full',
      alert: alert(`blocked:${NOMINATOR}:${VALIDATOR}:7301`, 'warning', {
        kind: 'target-blocked',
        address: NOMINATOR,
        validator: VALIDATOR,
      }),
    },
    {
      name: 'commission-raised',
      context: 'full',
      alert: alert(`commission:${NOMINATOR}:${VALIDATOR}:7301`, 'warning', {
        kind: 'commission-raised',
        address: NOMINATOR,
        validator: VALIDATOR,
        from: 50_000_000,
        to: 125_000_000,
      }),
    },
    {
      name: 'validator-slashed',
      context: 'full',
      alert: alert(`slash:${NOMINATOR}:${VALIDATOR}:7299`, 'critical', {
        kind: 'validator-slashed',
        address: NOMINATOR,
        validator: VALIDATOR,
        era: 7_299,
        fraction: 1_000_000,
        amount: '52000000000',
      }),
    },
    {
      name: 'validator-slashed (no fraction)',
      context: 'full',
      alert: alert(`slash:${NOMINATOR}:${VALIDATOR}:7298`, 'critical', {
        kind: 'validator-slashed',
        address: NOMINATOR,
        validator: VALIDATOR,
        era: 7_298,
        fraction: null,
        amount: '52000000000',
      }),
    },
    {
      name: 'unapplied-slash',
      context: 'full',
      alert: alert(`unapplied:${NOMINATOR}:${VALIDATOR}:7300`, 'critical', {
        kind: 'unapplied-slash',
        address: NOMINATOR,
        validator: VALIDATOR,
        era: 7_300,
        amount: '1500000000000',
      }),
    },
    {
      name: 'no-active-nomination',
      context: 'full',
      alert: alert(`no-active:${NOMINATOR}:7301`, 'warning', {
        kind: 'no-active-nomination',
        address: NOMINATOR,
        era: 7_301,
        targets: 16,
      }),
    },
    {
      name: 'unbond-withdrawable (ledger)',
      context: 'full',
      alert: alert(`withdrawable:${NOMINATOR}:7294:ledger`, 'info', {
        kind: 'unbond-withdrawable',
        address: NOMINATOR,
        era: 7_294,
        value: '25000000000000',
        via: 'ledger',
      }),
    },
    {
      name: 'unbond-withdrawable (pool)',
      context: 'full',
      alert: alert(`withdrawable:${NOMINATOR}:7294:pool`, 'info', {
        kind: 'unbond-withdrawable',
        address: NOMINATOR,
        era: 7_294,
        value: '333333333',
        via: 'pool',
      }),
    },
    {
      name: 'rewards-expiring (1 era, 1 page, detected before alerts carried the time)',
      context: 'full',
      alert: alert(`expiring:${NOMINATOR}:7218`, 'critical', {
        kind: 'rewards-expiring',
        address: NOMINATOR,
        era: 7_218,
        erasLeft: 1,
        estimate: '4200000000',
        pages: 1,
      }),
    },
    {
      name: 'rewards-expiring (3 eras, 3 pages of 2 validators, with its time)',
      context: 'full',
      alert: alert(`expiring:${NOMINATOR}:7220`, 'warning', {
        kind: 'rewards-expiring',
        address: NOMINATOR,
        era: 7_220,
        erasLeft: 3,
        estimate: '4200000000',
        pages: 3,
        expiresAtMs: ALERT_NOW_MS + 17 * HOUR + 40 * MIN,
        claims: [
          { validator: VALIDATOR, pages: [0] },
          { validator: DELEGATE, pages: [0, 1] },
        ],
      }),
    },
    {
      name: 'pool-state',
      context: 'full',
      alert: alert(`pool:${NOMINATOR}:12:Destroying:7301`, 'warning', {
        kind: 'pool-state',
        address: NOMINATOR,
        poolId: 12,
        from: 'Open',
        to: 'Destroying',
      }),
    },
    {
      name: 'pool-state (previous state unknown)',
      context: 'full',
      alert: alert(`pool:${NOMINATOR}:12:Blocked:7301`, 'warning', {
        kind: 'pool-state',
        address: NOMINATOR,
        poolId: 12,
        from: null,
        to: 'Blocked',
      }),
    },
    {
      name: 'snapshot-stale',
      context: 'full',
      alert: alert('stale:4812', 'critical', {
        kind: 'snapshot-stale',
        version: 4_812,
        relayBlock: RELAY_BLOCK,
        ageMs: 47 * MIN + 12_000,
        staleAfterMs: 15 * MIN,
      }),
    },
    {
      name: 'endpoint-failover',
      context: 'full',
      alert: alert('failover:4812', 'warning', {
        kind: 'endpoint-failover',
        version: 4_812,
        from: 'wss://asset-hub-kusama.example.org',
        to: 'wss://backup.example.net',
      }),
    },
    {
      name: 'endpoint-failover (no previous endpoint)',
      context: 'full',
      alert: alert('failover:4813', 'warning', {
        kind: 'endpoint-failover',
        version: 4_813,
        from: null,
        to: 'wss://backup.example.net',
      }),
    },
    {
      name: 'runtime-upgraded',
      context: 'full',
      alert: alert('runtime:2003001', 'warning', {
        kind: 'runtime-upgraded',
        version: 4_814,
        relayBlock: 31_562_300,
        from: 2_003_000,
        to: 2_003_001,
        warnings: [],
      }),
    },
    {
      name: 'runtime-upgraded (a layout changed)',
      context: 'full',
      alert: alert('runtime:2004000', 'critical', {
        kind: 'runtime-upgraded',
        version: 4_815,
        relayBlock: 31_562_400,
        from: 2_003_001,
        to: 2_004_000,
        warnings: [
          'Staking.Nominators: the value layout changed in spec 2004000; decoded through the metadata',
        ],
      }),
    },
    {
      name: 'long (split into numbered parts on Telegram)',
      context: 'full',
      alert: alert('ref:430:submitted', 'info', {
        kind: 'ref-submitted',
        referendum: 430,
        track: 11,
        proposal: LONG_PROPOSAL.slice(0, 9_000),
      }),
    },
    {
      name: 'long (trimmed after three parts, with a link)',
      context: 'full',
      alert: alert('ref:431:submitted', 'info', {
        kind: 'ref-submitted',
        referendum: 431,
        track: 11,
        proposal: `${LONG_PROPOSAL} ${LONG_PROPOSAL}`,
      }),
    },
    {
      name: 'long (trimmed after three parts, bare context)',
      context: 'bare',
      alert: alert('ref:432:submitted', 'info', {
        kind: 'ref-submitted',
        referendum: 432,
        track: 11,
        proposal: `${LONG_PROPOSAL} ${LONG_PROPOSAL}`,
      }),
    },
    {
      name: 'long (split at a 300-character limit)',
      context: 'full',
      telegramLimit: 300,
      alert: alert('ref:433:submitted', 'warning', {
        kind: 'ref-submitted',
        referendum: 433,
        track: 30,
        proposal: LONG_PROPOSAL.slice(0, 500),
      }),
    },
  );
  cases.push(...treasuryAlertCases(ALERT_NOW_MS, RELAY_BLOCK));
  cases.push(...parachainAlertCases(ALERT_NOW_MS, RELAY_BLOCK));
  return cases;
}
