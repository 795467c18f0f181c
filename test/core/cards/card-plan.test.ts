import { describe, expect, it } from 'vitest';
import { type CardRecord, cardKey, cardNonceSeed } from '../../../core/cards/card-model.js';
import { type CardSituation, coversTrack, planCard } from '../../../core/cards/card-plan.js';

const target = { platform: 'telegram', kind: 'chat', id: '-100123' } as const;

function record(overrides: Partial<CardRecord> = {}): CardRecord {
  return {
    target,
    referendum: 412,
    track: 32,
    state: 'live',
    messageIds: ['t:7'],
    version: 10,
    hash: 'h1',
    generation: 0,
    owner: null,
    leaseUntilMs: null,
    sendingAtMs: null,
    reason: null,
    createdAtMs: 0,
    updatedAtMs: 0,
    ...overrides,
  };
}

const base: CardSituation = {
  record: undefined,
  standing: { type: 'ongoing', track: 32 },
  covered: true,
  version: 11,
  hash: 'h1',
  nowMs: 1_000,
};

describe('planCard', () => {
  it('creates a card only for a covered ongoing referendum', () => {
    expect(planCard(base).action).toBe('create');
    expect(planCard({ ...base, covered: false }).action).toBe('skip');
    expect(planCard({ ...base, standing: { type: 'ended' } }).action).toBe('skip');
    expect(planCard({ ...base, hash: null }).action).toBe('skip');
  });

  it('edits only when the content hash changed, and never twice for one version', () => {
    expect(planCard({ ...base, record: record() }).action).toBe('skip');
    expect(planCard({ ...base, record: record(), hash: 'h2' }).action).toBe('edit');
    expect(planCard({ ...base, record: record({ version: 11 }), hash: 'h2' }).action).toBe('skip');
  });

  it('closes an ended referendum once, and leaves final cards alone', () => {
    expect(planCard({ ...base, record: record(), standing: { type: 'ended' } }).action).toBe('close');
    expect(planCard({ ...base, record: record({ state: 'retired' }) }).action).toBe('reopen');
    expect(planCard({ ...base, record: record({ state: 'retired' }), covered: false }).action).toBe('skip');
    for (const state of ['closed', 'retired', 'unknown'] as const)
      expect(planCard({ ...base, record: record({ state }), standing: { type: 'ended' } }).action).toBe(
        'skip',
      );
  });

  it('retires a card the subscription no longer covers, or whose referendum left the snapshot', () => {
    expect(planCard({ ...base, record: record(), covered: false, hash: 'h2' })).toEqual({
      action: 'retire',
      reason: 'the card subscription was removed',
    });
    expect(planCard({ ...base, record: record(), standing: { type: 'absent' } }).action).toBe('retire');
  });

  it('leaves a held card to its holder, and takes over a lapsed claim by what it may have sent', () => {
    expect(planCard({ ...base, record: record({ leaseUntilMs: 5_000 }), hash: 'h2' }).action).toBe('skip');
    const lapsed = { owner: 'dead', leaseUntilMs: 500, messageIds: [], hash: null };
    expect(planCard({ ...base, record: record({ ...lapsed, state: 'claimed' }) }).action).toBe('create');
    expect(planCard({ ...base, record: record({ ...lapsed, state: 'sending' }) }).action).toBe('resolve');
    expect(
      planCard({ ...base, record: record({ ...lapsed, state: 'claimed' }), standing: { type: 'ended' } })
        .action,
    ).toBe('retire');
  });
});

describe('card keys', () => {
  it('names one card per target and referendum, and one nonce seed per generation', () => {
    expect(cardKey(target, 412)).toBe('telegram:chat:-100123#r412');
    expect(cardNonceSeed(target, 412, 0)).not.toBe(cardNonceSeed(target, 412, 1));
    expect(coversTrack([null], 5)).toBe(true);
    expect(coversTrack([32], 5)).toBe(false);
    expect(coversTrack([], 32)).toBe(false);
  });
});
