/** Embeds of /validator and /era, and the pieces /stake shares with them. */
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { formatKsm } from '../../../core/format/balance.js';
import { formatInteger, formatPerbill, formatPercent } from '../../../core/format/number.js';
import type { EraReply, StakeReply, ValidatorReply } from '../../../core/reply/reply-types.js';
import type { ApyEstimate } from '../../../core/staking/apy.js';
import { apyFootnote, describeIncentive, describeValidatorWarning } from '../../../core/staking/describe.js';
import { COLOURS } from './colours.js';
import { duration, relative, when } from './time.js';

export const short = (address: string) =>
  address.length > 16 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
export const apy = (e: ApyEstimate | null) =>
  e?.value === null || e === null ? 'n/a' : formatPercent(e.value);

export function echo(reply: StakeReply | ValidatorReply): string | null {
  if (!reply.account.converted) return null;
  return `Converted from prefix ${reply.account.inputPrefix ?? '0x'} to Kusama: \`${reply.account.address}\``;
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
  if (v.incentive) fields.push({ name: 'Self-stake incentive', value: describeIncentive(v.incentive) });
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
