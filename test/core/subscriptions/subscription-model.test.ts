import { describe, expect, it } from 'vitest';
import {
  parseTargetKey,
  SUBSCRIPTION_ID_PATTERN,
  sameSettings,
  subscriptionId,
  subscriptionKey,
  targetKey,
  targetProblem,
} from '../../../core/subscriptions/subscription-model.js';

describe('subscription model', () => {
  it('keys ignore lead times, so a new lead list updates rather than duplicates', () => {
    const a = {
      kind: 'deadlines' as const,
      scope: { type: 'track' as const, track: 11 },
      leadMinutes: [1440, 60],
    };
    const b = { ...a, leadMinutes: [120] };
    expect(subscriptionKey(a)).toBe('deadlines:t11');
    expect(subscriptionKey(b)).toBe(subscriptionKey(a));
    expect(sameSettings(a, b)).toBe(false);
    expect(sameSettings(a, { ...a })).toBe(true);
  });

  it('ids are deterministic, typed by kind and distinct across kinds and filters', () => {
    const specs = [
      { kind: 'referenda' as const, track: null },
      { kind: 'referenda' as const, track: 32 },
      { kind: 'deadlines' as const, scope: { type: 'all' as const }, leadMinutes: [60] },
      {
        kind: 'deadlines' as const,
        scope: { type: 'referendum' as const, referendum: 32 },
        leadMinutes: [60],
      },
      { kind: 'address' as const, address: 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F' },
    ];
    const ids = specs.map(subscriptionId);
    expect(new Set(ids).size).toBe(specs.length);
    for (const id of ids) expect(id).toMatch(SUBSCRIPTION_ID_PATTERN);
    expect(ids.map((id) => id[0])).toEqual(['r', 'r', 'd', 'd', 'a']);
    expect(specs.map(subscriptionId)).toEqual(ids);
  });

  it('targets: platform and kind must match, ids are numbers; keys round-trip', () => {
    expect(targetProblem({ platform: 'discord', kind: 'channel', id: '123456789012345678' })).toBeNull();
    expect(targetProblem({ platform: 'telegram', kind: 'chat', id: '-1001234' })).toBeNull();
    expect(targetProblem({ platform: 'discord', kind: 'chat', id: '1' })).toContain('channel or dm');
    expect(targetProblem({ platform: 'telegram', kind: 'channel', id: '1' })).toContain('chat or dm');
    expect(targetProblem({ platform: 'slack', kind: 'dm', id: '1' })).toContain('discord or telegram');
    expect(targetProblem({ platform: 'discord', kind: 'dm', id: 'abc' })).toContain('number');
    expect(targetProblem(null)).not.toBeNull();
    const ref = { platform: 'telegram' as const, kind: 'dm' as const, id: '42' };
    expect(parseTargetKey(targetKey(ref))).toEqual(ref);
    expect(parseTargetKey('telegram:dm:42:x')).toBeNull();
    expect(parseTargetKey('nonsense')).toBeNull();
  });
});
