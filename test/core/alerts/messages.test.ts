import { describe, expect, it } from 'vitest';
import type { Alert, AlertFacts } from '../../../core/alerts/alert-types.js';
import { ALERT_KINDS } from '../../../core/alerts/alert-types.js';
import { alertMessage } from '../../../core/alerts/messages.js';
import { utcMinute } from '../../../core/alerts/spans.js';
import { parachainAlertCases } from '../../golden/parachain-alert-cases.js';
import { treasuryAlertCases } from '../../golden/treasury-alert-cases.js';
import { NOW_MS } from './fixtures.js';

const at = (minutes: number) => ({ block: 30_000_000 + minutes * 10, atMs: NOW_MS + minutes * 60_000 });
const A = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
const V = 'GCporqtiw7ybKYUqAftjvUAjcY1mTDNSx2fBdEXrcrjYCgu';

const samples: AlertFacts[] = [
  { kind: 'ref-submitted', referendum: 1, track: 32, proposal: 'treasury.spend 10 KSM' },
  { kind: 'ref-decision-started', referendum: 1, track: 32, decisionEnd: at(600) },
  { kind: 'ref-confirm-started', referendum: 1, track: 32, confirmEnd: at(120) },
  { kind: 'ref-confirm-aborted', referendum: 1, track: 32, decisionEnd: null },
  { kind: 'ref-approved', referendum: 1, track: 32, approved: at(-1), enactment: at(1_440) },
  { kind: 'ref-ended', referendum: 1, track: null, outcome: 'timedOut', ended: at(-5) },
  {
    kind: 'ref-deadline',
    referendum: 1,
    track: 32,
    deadline: 'decision',
    end: at(55),
    leadMinutes: 60,
    remainingMs: 55 * 60_000,
  },
  {
    kind: 'ref-not-voted',
    referendum: 1,
    track: 32,
    address: A,
    end: at(55),
    leadMinutes: 60,
    remainingMs: 55 * 60_000,
    delegate: { address: V, voted: true },
  },
  { kind: 'era-paid', address: A, era: 9_767, estimate: '1234500000000' },
  { kind: 'target-left-active', address: A, validator: V, era: 9_768 },
  { kind: 'target-chilled', address: A, validator: V },
  { kind: 'target-blocked', address: A, validator: V },
  { kind: 'commission-raised', address: A, validator: V, from: 50_000_000, to: 100_000_000 },
  {
    kind: 'validator-slashed',
    address: A,
    validator: V,
    era: 9_760,
    fraction: 1_000_000,
    amount: '5000000000000',
  },
  { kind: 'unapplied-slash', address: A, validator: V, era: 9_760, amount: '5000000000000' },
  { kind: 'no-active-nomination', address: A, era: 9_768, targets: 16 },
  { kind: 'unbond-withdrawable', address: A, era: 9_740, value: '50000000000000', via: 'ledger' },
  { kind: 'rewards-expiring', address: A, era: 9_684, erasLeft: 1, estimate: '300000000000', pages: 1 },
  { kind: 'pool-state', address: A, poolId: 7, from: 'Open', to: 'Blocked' },
  {
    kind: 'snapshot-stale',
    version: 9,
    relayBlock: 30_000_000,
    ageMs: 20 * 60_000,
    staleAfterMs: 15 * 60_000,
  },
  { kind: 'endpoint-failover', version: 9, from: 'wss://a', to: 'wss://b' },
  {
    kind: 'runtime-upgraded',
    version: 9,
    relayBlock: 31_000_000,
    from: 2_003_000,
    to: 2_003_001,
    warnings: [],
  },
  {
    kind: 'delegate-not-voted',
    referendum: 1,
    track: 32,
    address: A,
    delegate: { address: V, delegating: false },
    end: at(55),
    leadMinutes: 60,
    remainingMs: 55 * 60_000,
  },
  {
    kind: 'delegate-voted',
    address: A,
    referendum: 1,
    track: 32,
    title: null,
    delegate: { address: V },
    vote: { type: 'standard', aye: true, conviction: 3, balance: '120000000000000' },
    delegated: { balance: '40000000000000', conviction: 2 },
  },
  {
    kind: 'voted-ref-ended',
    address: A,
    referendum: 1,
    track: 32,
    outcome: 'approved',
    ended: at(-5),
    vote: { type: 'standard', aye: true, conviction: 3, balance: '25000000000000' },
    delegate: null,
    lock: { state: 'locked', amount: '25000000000000', until: at(4 * 7 * 1_440) },
  },
  {
    kind: 'lock-unlockable',
    address: A,
    amount: '10000000000000',
    lockedNow: '30000000000000',
    lockedAfter: '20000000000000',
    calls: [
      { call: 'removeVote', track: 32, referendum: 1 },
      { call: 'unlock', track: 32 },
    ],
  },
  // One of each treasury and bounty kind, as the golden cases have them.
  ...treasuryAlertCases(NOW_MS, 30_000_000)
    .map((c) => c.alert.facts)
    .filter((f, i, all) => all.findIndex((g) => g.kind === f.kind) === i),
  // One of each coretime, para and crowdloan kind, as the golden cases have them.
  ...parachainAlertCases(NOW_MS, 30_000_000)
    .map((c) => c.alert.facts)
    .filter((f, i, all) => all.findIndex((g) => g.kind === f.kind) === i),
];

function alert(facts: AlertFacts): Alert {
  return {
    id: `x:${facts.kind}`,
    severity: 'warning',
    scope: { type: 'operator' },
    version: 9,
    relayBlock: 30_000_000,
    dataAtMs: NOW_MS - 90_000,
    facts,
  };
}

describe('alert messages', () => {
  it('every alert kind has a title, fact lines, the data block and time, and no relative time', () => {
    expect(samples.map((s) => s.kind).sort()).toEqual([...ALERT_KINDS].sort());
    const names = new Map([[32, 'small_spender']]);
    for (const facts of samples) {
      const m = alertMessage(alert(facts), {
        nowMs: NOW_MS,
        trackNames: names,
      });
      expect(m.alertId).toBe(`x:${facts.kind}`);
      expect(m.title.length).toBeGreaterThan(5);
      expect(m.lines.length).toBeGreaterThan(0);
      expect(m.lines.join(' ')).not.toMatch(/undefined|NaN|\[object/);
      expect(m.footer).toBe('data as of relay block 30,000,000');
      expect(m.dataAtMs).toBe(NOW_MS - 90_000);
      // Nothing that goes stale once sent: no "in 55m", no "ago".
      expect([m.title, ...m.lines].join('\n')).not.toMatch(/\bin \d+[dhms]\b|\d+[dhms] ago/);
    }
  });

  it('states the facts: amounts in KSM, commission old → new, times from relay blocks, the delegate', () => {
    const text = (i: number) => {
      const m = alertMessage(alert(samples[i]!), {
        nowMs: NOW_MS,
        trackNames: new Map([[32, 'small_spender']]),
      });
      return [m.title, ...m.lines].join('\n');
    };
    expect(text(0)).toContain('Small Spender (track 32)');
    expect(text(4)).toContain(`scheduled to be enacted ${utcMinute(NOW_MS + 1_440 * 60_000)}.`);
    expect(text(6)).toMatch(/^Referendum #1: decision period ends \d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
    expect(text(7)).toMatch(/has not voted/);
    expect(text(7)).toMatch(/who has voted/);
    expect(text(8)).toContain('1.2345 KSM');
    expect(text(12)).toContain('keeps 10% of its rewards as commission, up from 5%');
    expect(text(16)).toContain('staking.withdrawUnbonded');
    expect(text(17)).toMatch(/expire in 1 era$/m);
    expect(text(22)).toContain('who has not voted on it');
    expect(text(23)).toContain('voted Aye with 3x conviction, 120 KSM on #1 — your 40 KSM at 2x go with it.');
    expect(text(24)).toContain(
      `Your 25 KSM stay locked until ${utcMinute(NOW_MS + 4 * 7 * 86_400_000)}: 3x conviction on the winning side.`,
    );
    expect(text(25)).toContain(`2. convictionVoting.unlock(32, ${A})`);
  });

  it('keeps moments as spans beside the plain text, in the order the rule wrote them', () => {
    const m = alertMessage(alert(samples[6]!), { nowMs: NOW_MS });
    const end = NOW_MS + 55 * 60_000;
    expect(m.spans?.title).toEqual(['Referendum #1: decision period ends ', { atMs: end }]);
    expect(m.spans?.lines[1]).toEqual([
      'Ends ',
      { atMs: end },
      '. Unless it is passing and confirming by then, it is rejected.',
    ]);
    expect(m.lines.length).toBe(m.spans?.lines.length);
    const plain = alertMessage(alert(samples[0]!), { nowMs: NOW_MS });
    expect(plain.spans).toBeUndefined();
  });

  it('links referenda to Subsquare and Polkassembly, accounts and validators to Subscan', () => {
    const urls = (i: number) =>
      (alertMessage(alert(samples[i]!), { nowMs: NOW_MS }).links ?? []).map((l) => l.url);
    for (const i of [0, 1, 2, 3, 4, 5, 6])
      expect(urls(i)).toEqual([
        'https://kusama.subsquare.io/referenda/1',
        'https://kusama.polkassembly.io/referenda/1',
      ]);
    expect(urls(7)).toContain(`https://assethub-kusama.subscan.io/account/${A}`);
    expect(urls(12)).toEqual([
      `https://assethub-kusama.subscan.io/account/${V}`,
      `https://assethub-kusama.subscan.io/account/${A}`,
    ]);
    for (const i of [8, 9, 10, 11, 13, 14, 15, 16, 17, 18])
      expect(urls(i)).toContain(`https://assethub-kusama.subscan.io/account/${A}`);
    for (const i of [19, 20, 21]) expect(urls(i)).toEqual([]);
  });

  it("carries the chat's zone to the platforms", () => {
    const m = alertMessage(alert(samples[6]!), { nowMs: NOW_MS, timeZone: 'Europe/Berlin' });
    expect(m.timeZone).toBe('Europe/Berlin');
    expect(alertMessage(alert(samples[6]!), { nowMs: NOW_MS }).timeZone).toBeUndefined();
  });
});
