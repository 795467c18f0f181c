import { describe, expect, it } from 'vitest';
import type { Alert, AlertFacts } from '../../../core/alerts/alert-types.js';
import { ALERT_KINDS } from '../../../core/alerts/alert-types.js';
import { alertMessage } from '../../../core/alerts/messages.js';
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
  it('every alert kind has a title, fact lines and the data age', () => {
    expect(samples.map((s) => s.kind).sort()).toEqual([...ALERT_KINDS].sort());
    const names = new Map([[32, 'small_spender']]);
    for (const facts of samples) {
      const m = alertMessage(alert(facts), {
        nowMs: NOW_MS,
        trackNames: names,
        referendumUrl: (id) => `https://example.org/r/${id}`,
      });
      expect(m.alertId).toBe(`x:${facts.kind}`);
      expect(m.title.length).toBeGreaterThan(5);
      expect(m.lines.length).toBeGreaterThan(0);
      expect(m.lines.join(' ')).not.toMatch(/undefined|NaN|\[object/);
      expect(m.footer).toBe('data as of relay block 30,000,000 (1m 30s ago)');
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
    expect(text(4)).toMatch(/Enactment block 30,014,400, .* \(in 1d\)/);
    expect(text(6)).toMatch(/decision period ends in 55m/);
    expect(text(7)).toMatch(/has not voted/);
    expect(text(7)).toMatch(/who has voted/);
    expect(text(8)).toContain('1.2345 KSM');
    expect(text(12)).toContain('5% → 10%');
    expect(text(17)).toMatch(/expire in 1 era$/m);
  });
});
