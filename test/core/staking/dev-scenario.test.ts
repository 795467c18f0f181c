/** The engine against the dev chain's seeded scenario: its fixtures name an account for every state. */
import { describe, expect, it } from 'vitest';
import {
  accountView,
  buildAccountSlice,
  buildEraSlice,
  buildValidatorSlice,
  buildViewContext,
  eraView,
  validatorView,
} from '../../../core/staking/index.js';
import type { Snapshot } from '../../../core/types/index.js';
import { generateScenario } from '../../../dev/scenario/index.js';

const scenario = generateScenario({ size: 'small', onProgress: () => {} });
const snapshot: Snapshot = {
  ...scenario.expected,
  anchor: { ...scenario.expected.anchor, blockHash: '0x00', blockNumber: 1, genesisHash: '0x01' },
};
const f = scenario.fixtures;
const ctx = buildViewContext(buildEraSlice(snapshot));
const view = (address: string) => accountView(buildAccountSlice(snapshot, address), ctx);

describe('engine over the small dev scenario', () => {
  it('agrees on the eras', () => {
    const e = eraView(buildEraSlice(snapshot), ctx);
    expect(e.activeEra).toBe(f.eras.active);
    expect(e.currentEra).toBe(f.eras.current);
    expect(e.validatorCount).toBe(f.validators.elected.length);
    expect(e.apy.value).toBeGreaterThan(0);
  });

  it('sees every target of the all-active nominator backing it', () => {
    const v = view(f.nominators.allTargetsActive);
    expect(v.nominations!.targets.length).toBeGreaterThan(0);
    expect(v.nominations!.targets.every((t) => t.status === 'active-backing')).toBe(true);
    expect(v.earning.thisEra).toBe(true);
  });

  it('sees no active target for the none-active nominator', () => {
    const v = view(f.nominators.noTargetsActive);
    expect(v.nominations!.targets.some((t) => t.status.startsWith('active'))).toBe(false);
    expect(v.warnings.map((w) => w.code)).toContain('no-active-targets');
  });

  it('sees active targets that do not expose the not-exposed nominator', () => {
    const v = view(f.nominators.notExposed);
    expect(v.nominations!.targets.some((t) => t.status === 'active-not-backing')).toBe(true);
    expect(v.earning.exposedThisEra).toBe(0n);
    expect(v.warnings.map((w) => w.code)).toContain('no-active-stake');
  });

  it('finds a nominator on a later exposure page', () => {
    const { nominator, validator, page } = f.nominators.onLaterPage;
    const row = view(nominator).nominations!.targets.find((t) => t.validator === validator)!;
    expect(row).toMatchObject({ status: 'active-backing', page });
  });

  it('resolves a controller to its stash', () => {
    const v = view(f.controllerNotStash.controller);
    expect(v.stash).toBe(f.controllerNotStash.stash);
    expect(v.roles).toContain('controller');
  });

  it('tells a withdrawable chunk from a locked one', () => {
    const due = view(f.ledgers.withdrawableChunk).bond.unlocking;
    expect(due.chunks.some((c) => c.status === 'withdrawable')).toBe(true);
    const locked = view(f.ledgers.lockedChunk).bond.unlocking;
    expect(locked.chunks.some((c) => c.status === 'unbonding' && c.eta !== null && c.eta.inMs > 0)).toBe(
      true,
    );
  });

  it('values pool members and their unbonding', () => {
    const member = view(f.pools.member);
    expect(member.pool).toMatchObject({ poolId: f.pools.poolId });
    expect(member.pool!.value).toBeGreaterThan(0n);
    const unbonding = view(f.pools.unbondingMember).pool!.unbonding;
    expect(unbonding.chunks.length).toBeGreaterThan(0);
  });

  it('reports the partly claimed validator page by page', () => {
    const p = f.validators.partlyClaimed;
    const era = validatorView(buildValidatorSlice(snapshot, p.validator), ctx).unclaimed.eras.find(
      (e) => e.era === p.era,
    );
    expect(era).toMatchObject({ pageCount: p.pageCount, pages: p.unclaimed });
  });

  it('has rewards in the era that expires next, with no era left', () => {
    const anyExpiring = [...f.validators.elected].some((v) =>
      validatorView(buildValidatorSlice(snapshot, v), ctx).unclaimed.eras.some(
        (e) => e.era === f.eras.expiresNext && e.erasLeft === 0,
      ),
    );
    expect(anyExpiring).toBe(true);
  });
});
