/** The coretime and para subscription specs the store accepts, and those it refuses with the reason. */
import { describe, expect, it } from 'vitest';
import { specProblem } from '../../../../lambdas/store/subscriptions/items.js';

describe('coretime and para specs', () => {
  it('the store refuses a spec out of bounds', () => {
    expect(specProblem({ kind: 'para', para: 2000, stallMinutes: 60 })).toBeNull();
    expect(specProblem({ kind: 'para', para: -1, stallMinutes: 60 })).toMatch(/para id/);
    expect(specProblem({ kind: 'para', para: 2000, stallMinutes: 5 })).toMatch(/stallMinutes/);
    expect(specProblem({ kind: 'coretime', below: '5' })).toBeNull();
    expect(specProblem({ kind: 'coretime', below: '05' })).toMatch(/coretime.below/);
    expect(specProblem({ kind: 'coretime', below: '0' })).toMatch(/coretime.below/);
  });
});
