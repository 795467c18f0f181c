/** Unbonding chunks (of the ledger or of a pool membership) the watched address can withdraw now. */
import { formatInteger } from '../../format/number.js';
import { earliestWithdrawalEra } from '../../staking/unbonding.js';
import { accountButtons } from '../alert-links.js';
import { addressScope } from '../detect-staking.js';
import { addressAlertId } from '../identity.js';
import type { AlertRule, Found } from '../rule-types.js';
import { ksm } from '../wording.js';

export interface UnbondWithdrawableFacts {
  kind: 'unbond-withdrawable';
  address: string;
  era: number;
  value: string;
  via: 'ledger' | 'pool';
}

export const unbondWithdrawable: AlertRule<UnbondWithdrawableFacts, 'account'> = {
  kind: 'unbond-withdrawable',
  group: 'staking',
  description: 'unbonded funds can be withdrawn',
  severity: 'info',
  source: 'account',
  detect({ address, after, ctx }) {
    const era = ctx.activeEra.index;
    const found: Array<Found<UnbondWithdrawableFacts>> = [];
    const add = (chunkEra: number, value: bigint, via: 'ledger' | 'pool') =>
      found.push({
        id: addressAlertId('withdrawable', address, via, chunkEra),
        scope: addressScope(address),
        facts: { kind: 'unbond-withdrawable', address, era: chunkEra, value: value.toString(), via },
      });
    // While the previous era's slashes wait, the chain refuses every withdrawal, a pool's too.
    if (ctx.withdrawalsRefusedBySlashEra !== null) return found;
    const earliest = earliestWithdrawalEra(era, ctx.offenceQueueEarliestEra, ctx.constants.bondingDuration);
    const chunks = new Map<number, bigint>();
    for (const c of after.ledger?.unlocking ?? [])
      if (c.era <= earliest) chunks.set(c.era, (chunks.get(c.era) ?? 0n) + c.value);
    for (const [chunkEra, value] of chunks) add(chunkEra, value, 'ledger');
    for (const u of after.pool?.member.unbondingEras ?? []) if (u.era <= era) add(u.era, u.points, 'pool');
    return found;
  },
  message: (f, w) => ({
    title: 'Unbonded funds can be withdrawn',
    lines: [
      f.via === 'pool'
        ? `${w.account(f.address)}: ${ksm(f.value)} unbonded from its pool (unlocked in era ${formatInteger(f.era)}) can be withdrawn now with nominationPools.withdrawUnbonded.`
        : `${w.account(f.address)}: ${ksm(f.value)} unbonded (unlocked in era ${formatInteger(f.era)}) can be withdrawn now with staking.withdrawUnbonded.`,
    ],
    links: accountButtons(f.address),
  }),
};
