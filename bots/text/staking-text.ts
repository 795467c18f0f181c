/** `/stake`, `/validator` and `/era` as plain text. */
import { formatKsm } from '../../core/format/balance.js';
import { formatDuration } from '../../core/format/duration.js';
import { formatInteger, formatPerbill, formatPercent } from '../../core/format/number.js';
import type { EraReply, StakeReply, ValidatorReply } from '../../core/reply/reply-types.js';
import type { ApyEstimate } from '../../core/staking/apy.js';
import {
  apyFootnote,
  describeAccountWarning,
  describeEraTiming,
  describeIncentive,
  describeUnbondRule,
  describeValidatorWarning,
} from '../../core/staking/describe.js';
import { formatUtc, plural } from './common.js';

function apy(e: ApyEstimate | null): string {
  return e && e.value !== null ? formatPercent(e.value) : 'n/a';
}

function echo(reply: StakeReply | ValidatorReply): string[] {
  const a = reply.account;
  if (!a.converted) return [];
  const from = a.inputPrefix === null ? 'a 0x account id' : `SS58 prefix ${a.inputPrefix}`;
  return [`(converted from ${from} to the Kusama address)`];
}

export function stakeText(reply: StakeReply): string[] {
  const v = reply.view;
  const lines = [`Staking of ${v.address}`, ...echo(reply)];
  lines.push(`Roles: ${v.roles.length > 0 ? v.roles.join(', ') : 'none'}`);
  if (v.stash && v.stash !== v.address) lines.push(`Stash: ${v.stash}`);
  lines.push(`Bonded: ${formatKsm(v.bond.total)} (active ${formatKsm(v.bond.active)})`);
  const u = v.bond.unlocking;
  if (u.chunks.length > 0)
    lines.push(`Unbonding: ${formatKsm(u.unbonding)}; withdrawable now: ${formatKsm(u.withdrawable)}`);
  const now = v.bond.unbondNow;
  if (now)
    lines.push(
      `If you unbond now: withdrawable from era ${formatInteger(now.era)}, expected ${formatUtc(now.eta.atMs)} (${describeUnbondRule(now)})`,
    );
  if (v.nominations) {
    const n = v.nominations;
    lines.push(
      `Nominations: ${plural(n.targets.length, 'target')}: ${n.backing} backing you, ${n.activeNotBacking} active not backing you, ${n.waiting} waiting, ${n.inactive} not validators`,
    );
  }
  if (v.validator)
    lines.push(
      `Validator: commission ${formatPerbill(v.validator.commission)}, ${v.validator.elected ? 'elected this era' : 'not elected this era'}`,
    );
  if (v.pool)
    lines.push(
      `Pool ${v.pool.poolId} (${v.pool.state ?? 'missing'}): ${formatKsm(v.pool.value)}, ${v.pool.earningThisEra ? 'earning this era' : 'not earning this era'}`,
    );
  lines.push(
    `Earning this era: ${v.earning.thisEra ? `yes, ${formatKsm(v.earning.exposedThisEra)} exposed${v.earning.viaPool ? ' (via the pool)' : ''}` : 'no'}`,
  );
  lines.push(
    `Unclaimed rewards: ${v.unclaimed.eraCount > 0 ? `${formatKsm(v.unclaimed.total)} over ${plural(v.unclaimed.eraCount, 'era')}` : 'none'}`,
  );
  lines.push(`APY: yours ${apy(v.apy.account)}, pool ${apy(v.apy.pool)}, network ${apy(v.apy.network)}`);
  for (const w of v.warnings) lines.push(`! ${describeAccountWarning(w)}`);
  lines.push(apyFootnote(v.apy.account ?? v.apy.network, v.era.timing));
  return lines;
}

export function validatorText(reply: ValidatorReply): string[] {
  const v = reply.view;
  const lines = [`Validator ${v.address}`, ...echo(reply)];
  lines.push(
    `Status: ${v.status}${v.commission !== null ? `, commission ${formatPerbill(v.commission)}` : ''}${v.blocked ? ', blocks nominations' : ''}`,
  );
  if (v.bond) lines.push(`Bonded: ${formatKsm(v.bond.total)} (active ${formatKsm(v.bond.active)})`);
  if (v.thisEra)
    lines.push(
      `This era: ${formatKsm(v.thisEra.total)} total stake, ${formatKsm(v.thisEra.own)} own, ${plural(v.thisEra.nominatorCount, 'nominator')} exposed, ${formatInteger(v.thisEra.points)} points`,
    );
  lines.push(`Nominated by ${plural(v.nominatedBy, 'nominator')}`);
  if (v.points.recentAverage !== null)
    lines.push(
      `Points: average ${formatInteger(Math.round(v.points.recentAverage))} over the last ${plural(v.points.recent.length, 'era')}`,
    );
  if (v.incentive) lines.push(`Self-stake incentive: ${describeIncentive(v.incentive)}`);
  lines.push(
    `Unclaimed: ${v.unclaimed.eras.length > 0 ? `${plural(v.unclaimed.eras.length, 'era')}, about ${formatKsm(v.unclaimed.total)} to the validator` : 'none'}`,
  );
  for (const w of v.warnings) lines.push(`! ${describeValidatorWarning(w)}`);
  return lines;
}

export function eraText(reply: EraReply): string[] {
  const v = reply.view;
  const p = v.progress;
  const lines = [
    `Era ${formatInteger(v.activeEra)}${v.currentEra !== null ? ` (planned: ${formatInteger(v.currentEra)})` : ''}`,
  ];
  if (p.fraction !== null && p.elapsedMs !== null)
    lines.push(
      `Progress: ${formatPercent(Math.min(p.fraction, 9.99), 0)} (${formatDuration(p.elapsedMs)} in)`,
    );
  lines.push(`Next era: ${p.next.overdue ? 'overdue, expected' : 'expected'} ${formatUtc(p.next.atMs)}`);
  lines.push(describeEraTiming(v.timing));
  lines.push(`Total stake: ${formatKsm(v.totalStake)}`);
  lines.push(
    `Validators: ${formatInteger(v.validatorCount)} elected, ${formatInteger(v.waitingCount)} waiting`,
  );
  lines.push(
    `Nominators: ${formatInteger(v.nominatorCount)}; pools: ${formatInteger(v.poolCount)} with ${formatInteger(v.poolMemberCount)} members`,
  );
  lines.push(
    `Minimum nominator bond ${formatKsm(v.minNominatorBond)}; minimum active stake ${formatKsm(v.minimumActiveStake)}`,
  );
  if (v.lastPaid)
    lines.push(
      `Last paid era ${formatInteger(v.lastPaid.era)}: ${formatKsm(v.lastPaid.validatorReward)} to validators`,
    );
  lines.push(`Network APY: ${apy(v.apy)}`);
  if (v.offenceQueueEarliestEra !== null)
    lines.push(`! Offences from era ${v.offenceQueueEarliestEra} are still being processed.`);
  return lines;
}
