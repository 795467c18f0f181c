import { describe, expect, it } from 'vitest';
import { resolveName } from '../../../core/identity/resolve.js';

const P = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';

describe('the name shown for an address', () => {
  it('is its own display, verified only by Reasonable or KnownGood', () => {
    expect(resolveName({ display: 'Alice', judgements: ['KnownGood'] }, null, null)).toEqual({
      display: 'Alice',
      sub: null,
      verified: true,
    });
    expect(
      resolveName({ display: 'Alice', judgements: ['FeePaid', 'Erroneous'] }, null, null)?.verified,
    ).toBe(false);
    expect(resolveName({ display: 'Alice', judgements: [] }, null, null)?.verified).toBe(false);
  });

  it("is the parent's display with the sub's own name for a sub-identity, verified as the parent is", () => {
    const parent = { display: 'Operator', judgements: ['Reasonable' as const] };
    expect(resolveName(null, { parent: P, name: 'stash\u202E-1' }, parent)).toEqual({
      display: 'Operator',
      sub: 'stash-1',
      verified: true,
    });
    expect(resolveName(null, { parent: P, name: null }, parent)).toEqual({
      display: 'Operator',
      sub: null,
      verified: true,
    });
  });

  it('falls back to its own identity when the parent has none, and is null when nothing printable is left', () => {
    const own = { display: 'Own', judgements: [] };
    expect(resolveName(own, { parent: P, name: 'x' }, null)).toEqual({
      display: 'Own',
      sub: null,
      verified: false,
    });
    expect(
      resolveName(own, { parent: P, name: 'x' }, { display: '\u200B', judgements: ['KnownGood'] })?.display,
    ).toBe('Own');
    expect(resolveName({ display: '\u202E\u200B', judgements: ['KnownGood'] }, null, null)).toBeNull();
    expect(resolveName({ display: null, judgements: ['KnownGood'] }, null, null)).toBeNull();
    expect(resolveName(null, null, null)).toBeNull();
  });
});
