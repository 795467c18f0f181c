/**
 * staking-async's `withdraw_unbonded` (and a pool member's, which calls it for the pool): refused
 * whole while `Staking.UnappliedSlashes` holds a slash for the era before the active one
 * (`UnappliedSlashesInPreviousEra`); otherwise chunks up to the earliest withdrawal era go.
 */
import { describe, expect, it } from 'vitest';
import { stakingAlerts } from '../../../core/alerts/detect.js';
import {
  accountView,
  buildAccountSlice,
  buildAccountSlices,
  buildEraSlice,
  buildViewContext,
  describeAccountWarning,
} from '../../../core/staking/index.js';
import type { SlashRecord } from '../../../core/types/staking.js';
import { ksm } from '../../fixtures/staking-fixture.js';
import { clock } from '../alerts/fixtures.js';
import { ACTIVE, handScenario, NOW_MS, who } from './scenario.js';

function withSlash(era: number, kind: SlashRecord['kind'] = 'unapplied') {
  const s = handScenario();
  s.staking.slashes = [{ validator: who.v6, era, kind, fraction: 10_000_000, amount: ksm(80) }];
  return s;
}

const viewOf = (s: ReturnType<typeof handScenario>, address: string) =>
  accountView(buildAccountSlice(s, address), buildViewContext(buildEraSlice(s)));

describe('withdrawals and unapplied slashes', () => {
  it('a slash of the previous era still unapplied: nothing can be withdrawn, and the answer says why', () => {
    const s = withSlash(ACTIVE - 1);
    const v = viewOf(s, who.all);
    expect(v.bond.unlocking.chunks.map((c) => [c.era, c.status])).toEqual([
      [995, 'held-by-unapplied-slash'],
      [1010, 'unbonding'],
    ]);
    expect(v.bond.unlocking.withdrawable).toBe(0n);
    expect(v.bond.unlocking.withdrawalsRefusedBySlashEra).toBe(ACTIVE - 1);
    expect(v.warnings.map((w) => w.code)).not.toContain('withdrawable');
    const held = v.warnings.find((w) => w.code === 'withdrawal-held-by-unapplied-slash');
    expect(held).toEqual({
      code: 'withdrawal-held-by-unapplied-slash',
      slashEra: ACTIVE - 1,
      amount: ksm(50),
    });
    expect(describeAccountWarning(held!)).not.toMatch(/can be withdrawn/);

    // A pool member's withdrawal goes through the pool's, which staking refuses the same way.
    const member = viewOf(s, who.member);
    expect(member.pool?.unbonding.withdrawable).toBe(0n);
    expect(member.pool?.unbonding.chunks[0]?.status).toBe('held-by-unapplied-slash');
    expect(member.warnings).toContainEqual({
      code: 'withdrawal-held-by-unapplied-slash',
      slashEra: ACTIVE - 1,
      amount: ksm(10),
    });
  });

  it('no "can be withdrawn" alert while the slash waits', () => {
    const s = withSlash(ACTIVE - 1);
    const slices = buildAccountSlices(s);
    const found = stakingAlerts(
      {
        accounts: [who.all, who.member].map((address) => ({
          address,
          before: undefined,
          after: slices.get(address),
        })),
        eraBefore: undefined,
        eraAfter: buildEraSlice(s, []),
        expiringErasLeft: 4,
      },
      clock({ nowMs: NOW_MS, timestampMs: NOW_MS }),
    );
    expect(found.filter((a) => a.id.startsWith('withdrawable'))).toEqual([]);
  });

  it('slashes of other eras, or already applied, do not hold withdrawals', () => {
    for (const s of [
      withSlash(ACTIVE),
      withSlash(ACTIVE + 26),
      withSlash(ACTIVE - 2),
      withSlash(ACTIVE - 1, 'applied'),
    ]) {
      const v = viewOf(s, who.all);
      expect(v.bond.unlocking.withdrawable).toBe(ksm(50));
      expect(v.bond.unlocking.withdrawalsRefusedBySlashEra).toBeNull();
      expect(v.warnings).toContainEqual({ code: 'withdrawable', amount: ksm(50) });
    }
  });
});
