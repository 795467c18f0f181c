/** The embed of /stake: bond, nominations, pool, unbonding, unclaimed rewards and APY. */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { formatKsm } from '../../../core/format/balance.js';
import { formatInteger, formatPerbill } from '../../../core/format/number.js';
import type { StakeReply } from '../../../core/reply/reply-types.js';
import { apyFootnote, describeAccountWarning, describeUnbondRule } from '../../../core/staking/describe.js';
import type { TargetStatus } from '../../../core/staking/targets.js';
import type { ChunkStatus } from '../../../core/staking/unbonding.js';
import type { RewardDestination } from '../../../core/types/staking.js';
import { COLOURS } from './colours.js';
import { apy, echo, short } from './staking.js';
import { relative } from './time.js';

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

const HELD: Partial<Record<ChunkStatus, string>> = {
  'held-by-offence-queue': ' (held by an offence)',
  'held-by-unapplied-slash': ' (held until slashes are applied)',
};

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
      return `${formatKsm(c.value)}: era ${formatInteger(c.era)}${eta}${HELD[c.status] ?? ''}`;
    });
    fields.push({
      name: `Unbonding (${formatKsm(unlocking.unbonding)}, withdrawable ${formatKsm(unlocking.withdrawable)})`,
      value: chunks.join('\n'),
    });
  }
  const now = v.bond.unbondNow;
  if (now) {
    fields.push({
      name: 'If you unbond now',
      value: `withdrawable from era ${formatInteger(now.era)} ${relative(now.eta.atMs)} (${describeUnbondRule(now)})`,
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
