/** Embeds of /stake, /validator and /era. */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { formatKsm } from '../../../core/format/balance.js';
import { formatInteger, formatPerbill, formatPercent } from '../../../core/format/number.js';
import type { EraReply, StakeReply, ValidatorReply } from '../../../core/reply/reply-types.js';
import type { ApyEstimate } from '../../../core/staking/apy.js';
import {
  apyFootnote,
  describeAccountWarning,
  describeValidatorWarning,
} from '../../../core/staking/describe.js';
import type { TargetStatus } from '../../../core/staking/targets.js';
import type { RewardDestination } from '../../../core/types/staking.js';
import { COLOURS } from './colours.js';
import { duration, relative, when } from './time.js';

const short = (address: string) =>
  address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
const apy = (e: ApyEstimate | null) => (e?.value === null || e === null ? 'n/a' : formatPercent(e.value));

function payee(p: RewardDestination | null): string {
  if (!p) return 'none set';
  if (p.kind === 'Account') return `account \`${short(p.account)}\``;
  return {
    Staked: 'restaked',
    Stash: 'stash (not restaked)',
    Controller: 'controller',
    None: 'None (no payouts)',
  }[p.kind];
}

const TARGET_LABEL: Record<TargetStatus, string> = {
  'active-backing': '🟢 backing you',
  'active-not-backing': '🟡 active, not backing you',
  waiting: '⚪ waiting',
  blocked: '⛔ blocked, waiting',
  'not-validator': '🔴 not a validator',
};

function echo(reply: StakeReply | ValidatorReply): string | null {
  if (!reply.account.converted) return null;
  return `Converted from prefix ${reply.account.inputPrefix ?? '0x'} to Kusama: \`${reply.account.address}\``;
}

export function stakeEmbed(reply: StakeReply): APIEmbed {
  const v = reply.view;
  const fields: APIEmbedField[] = [
    { name: 'Bonded', value: formatKsm(v.bond.total), inline: true },
    { name: 'Active', value: formatKsm(v.bond.active), inline: true },
    { name: 'Rewards go to', value: payee(v.payee), inline: true },
    {
      name: 'Earning this era',
      value: v.earning.thisEra
        ? `yes, ${formatKsm(v.earning.exposedThisEra)} exposed${v.earning.viaPool ? ' (through the pool)' : ''}`
        : 'no',
      inline: true,
    },
    {
      name: 'APY',
      value: `${apy(v.apy.account ?? v.apy.pool)} (network ${apy(v.apy.network)})`,
      inline: true,
    },
    { name: 'Roles', value: v.roles.length > 0 ? v.roles.join(', ') : 'none', inline: true },
  ];
  if (v.nominations) {
    const n = v.nominations;
    const targets = n.targets
      .slice(0, 12)
      .map(
        (t) =>
          `${TARGET_LABEL[t.status]} \`${short(t.validator)}\`${t.commission === null ? '' : ` · ${formatPerbill(t.commission)}`}`,
      );
    if (n.targets.length > 12) targets.push(`…and ${n.targets.length - 12} more`);
    fields.push({
      name: `Nominations (${n.targets.length}: ${n.backing} backing, ${n.waiting} waiting, ${n.inactive} gone)`,
      value: targets.join('\n') || 'none',
    });
  }
  if (v.validator) {
    fields.push({
      name: 'Validator',
      value: `commission ${formatPerbill(v.validator.commission)}${v.validator.blocked ? ' · blocked' : ''} · ${v.validator.elected ? `elected, ${formatInteger(v.validator.pointsThisEra)} points this era` : 'not elected this era'}`,
    });
  }
  if (v.pool) {
    fields.push({
      name: `Pool ${v.pool.poolId}`,
      value: `${formatKsm(v.pool.value)} in the pool · ${v.pool.state ?? 'missing'} · commission ${v.pool.commission === null ? 'none' : formatPerbill(v.pool.commission)} · APY ${apy(v.pool.apy)}`,
    });
  }
  const unlocking = v.bond.unlocking;
  if (unlocking.chunks.length > 0) {
    const chunks = unlocking.chunks.slice(0, 8).map((c) => {
      if (c.status === 'withdrawable') return `${formatKsm(c.value)}: withdrawable now`;
      const eta = c.eta ? ` ${relative(c.eta.atMs)}` : '';
      return `${formatKsm(c.value)}: era ${formatInteger(c.era)}${eta}${c.status === 'held-by-offence-queue' ? ' (held by an offence)' : ''}`;
    });
    fields.push({
      name: `Unbonding (${formatKsm(unlocking.unbonding)}, withdrawable ${formatKsm(unlocking.withdrawable)})`,
      value: chunks.join('\n'),
    });
  }
  if (v.unclaimed.rewards.length > 0) {
    const soon = v.unclaimed.soonest;
    fields.push({
      name: 'Unclaimed rewards',
      value: `≈ ${formatKsm(v.unclaimed.total)} over ${v.unclaimed.eraCount} era(s)${soon ? `; era ${formatInteger(soon.era)} expires ${relative(soon.expiresEta.atMs)}` : ''}`,
    });
  }
  const lines = [echo(reply), ...v.warnings.map((w) => `⚠️ ${describeAccountWarning(w)}`)].filter(
    (l): l is string => !!l,
  );
  const note = v.apy.account ?? v.apy.pool ?? v.apy.network;
  fields.push({ name: 'How APY is estimated', value: apyFootnote(note, v.era.timing) });
  return {
    title: `Stake of ${short(v.address)}`,
    description: [`\`${v.address}\``, ...lines].join('\n'),
    color: COLOURS.staking,
    fields,
  };
}

export function validatorEmbed(reply: ValidatorReply): APIEmbed {
  const v = reply.view;
  const fields: APIEmbedField[] = [
    { name: 'Status', value: v.status, inline: true },
    { name: 'Commission', value: v.commission === null ? 'n/a' : formatPerbill(v.commission), inline: true },
    { name: 'Nominated by', value: formatInteger(v.nominatedBy), inline: true },
  ];
  if (v.bond)
    fields.push({
      name: 'Bonded',
      value: `${formatKsm(v.bond.total)} (active ${formatKsm(v.bond.active)})`,
      inline: true,
    });
  if (v.thisEra) {
    const e = v.thisEra;
    fields.push(
      { name: 'Stake this era', value: `${formatKsm(e.total)} (own ${formatKsm(e.own)})`, inline: true },
      {
        name: 'Exposure',
        value: `${formatInteger(e.nominatorCount)} nominators in ${e.pageCount} page(s)`,
        inline: true,
      },
    );
  }
  const recent = v.points.recent
    .map((p) => `${formatInteger(p.era)}: ${formatInteger(p.points)}`)
    .join(' · ');
  fields.push({
    name: 'Era points',
    value: `this era ${formatInteger(v.points.thisEra)}; average ${v.points.recentAverage === null ? 'n/a' : formatInteger(Math.round(v.points.recentAverage))}${recent ? `\n${recent}` : ''}`,
  });
  if (v.unclaimed.eras.length > 0) {
    const eras = v.unclaimed.eras
      .slice(0, 10)
      .map(
        (e) =>
          `era ${formatInteger(e.era)}: pages ${e.pages.join(', ')} of ${e.pageCount}, expires ${relative(e.expiresEta.atMs)}`,
      );
    fields.push({
      name: `Unclaimed eras (≈ ${formatKsm(v.unclaimed.total)} to the validator)`,
      value: eras.join('\n'),
    });
  }
  const lines = [echo(reply), ...v.warnings.map((w) => `⚠️ ${describeValidatorWarning(w)}`)].filter(
    (l): l is string => !!l,
  );
  return {
    title: `Validator ${short(v.address)}`,
    description: [`\`${v.address}\``, ...lines].join('\n'),
    color: COLOURS.staking,
    fields,
  };
}

export function eraEmbed(reply: EraReply): APIEmbed {
  const v = reply.view;
  const p = v.progress;
  const progress =
    p.fraction === null ? 'not started yet' : `${formatPercent(p.fraction, 0)} (${duration(p.elapsedMs)} in)`;
  return {
    title: `Era ${formatInteger(v.activeEra)}`,
    description: `Next era ${formatInteger(p.next.era)} ${p.next.overdue ? 'is overdue (eras stretch when the relay reports late)' : `expected ${when(p.next.atMs)}`}.`,
    color: COLOURS.staking,
    fields: [
      { name: 'Progress', value: progress, inline: true },
      {
        name: 'Planned era',
        value: v.currentEra === null ? 'n/a' : formatInteger(v.currentEra),
        inline: true,
      },
      { name: 'Era length', value: `${duration(v.timing.eraLengthMs)} (${v.timing.source})`, inline: true },
      { name: 'Total stake', value: formatKsm(v.totalStake), inline: true },
      {
        name: 'Validators',
        value: `${formatInteger(v.validatorCount)} active of ${formatInteger(v.candidateCount)} candidates`,
        inline: true,
      },
      { name: 'Nominators', value: formatInteger(v.nominatorCount), inline: true },
      {
        name: 'Pools',
        value: `${formatInteger(v.poolCount)} (${formatInteger(v.poolMemberCount)} members)`,
        inline: true,
      },
      { name: 'Min nominator bond', value: formatKsm(v.minNominatorBond), inline: true },
      { name: 'Min active stake', value: formatKsm(v.minimumActiveStake), inline: true },
      {
        name: 'Last paid era',
        value: v.lastPaid
          ? `${formatInteger(v.lastPaid.era)}: ${formatKsm(v.lastPaid.validatorReward)} to validators`
          : 'none in the window',
        inline: true,
      },
      { name: 'Network APY', value: apy(v.apy), inline: true },
      { name: 'Points this era', value: formatInteger(v.pointsThisEra), inline: true },
      { name: 'How APY is estimated', value: apyFootnote(v.apy, v.timing) },
    ],
  };
}
