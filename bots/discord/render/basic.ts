/** Embeds of the answers with little data: errors, help and status. */
import type { APIEmbed } from 'discord-api-types/v10';
import { formatInteger } from '../../../core/format/number.js';
import type { ErrorReply, HelpReply, StatusReply } from '../../../core/reply/reply-types.js';
import { escapeMarkdown } from '../limits.js';
import { COLOURS } from './colours.js';
import { duration, when } from './time.js';

export function errorEmbed(reply: ErrorReply): APIEmbed {
  const lines = [escapeMarkdown(reply.error.message)];
  if (reply.error.hint) lines.push('', `**Try:** ${escapeMarkdown(reply.error.hint)}`);
  if (reply.usage) lines.push(`**Usage:** \`${reply.usage.replace(/`/g, "'")}\``);
  return {
    title: reply.command ? `/${reply.command}: that did not work` : 'That did not work',
    description: lines.join('\n'),
    color: COLOURS.error,
  };
}

export function helpEmbed(reply: HelpReply): APIEmbed {
  if (reply.topic) {
    const t = reply.topic;
    const aliases = t.aliases.length > 0 ? `\nAlso: ${t.aliases.map((a) => `/${a}`).join(', ')}` : '';
    return {
      title: `/${t.name}`,
      description: `${escapeMarkdown(t.summary)}${aliases}`,
      color: COLOURS.help,
      fields: [
        { name: 'Usage', value: `\`${t.usage}\`` },
        { name: 'Examples', value: t.examples.map((e) => `\`${e}\``).join('\n') || '—' },
      ],
    };
  }
  return {
    title: 'Herald: Kusama staking and OpenGov',
    description: [
      ...reply.commands.map((c) => `**/${c.name}**: ${escapeMarkdown(c.summary)}`),
      '**/alerts**: the same subscriptions, delivered to your own DMs.',
    ].join('\n'),
    color: COLOURS.help,
    fields: [
      {
        name: 'Limits',
        value: `${reply.limits.subscriptionsPerChat} subscriptions per channel or DM, of which ${reply.limits.addressSubscriptionsPerChat} may watch addresses.`,
      },
    ],
  };
}

/** A count that may be missing from an older snapshot's status. */
function count(value: unknown): string {
  return typeof value === 'number' || typeof value === 'bigint' ? formatInteger(value) : 'n/a';
}

function runtimeValue(reply: StatusReply): string {
  const spec = `spec ${count(reply.anchor.specVersion)}`;
  const r = reply.runtime;
  if (!r?.since || r.previousSpecVersion === null) return spec;
  return `${spec} since ${when(r.since.timestampMs)} (from ${count(r.previousSpecVersion)})`;
}

export function statusEmbed(reply: StatusReply): APIEmbed {
  const f = reply.freshness;
  const stale = f?.stale ?? true;
  const fields = [
    { name: 'Relay block', value: `#${count(reply.anchor.relayBlock)}`, inline: true },
    { name: 'Asset Hub block', value: `#${count(reply.anchor.blockNumber)}`, inline: true },
    { name: 'Runtime', value: runtimeValue(reply), inline: true },
    { name: 'Chain time', value: when(reply.anchor.timestampMs), inline: true },
    { name: 'Snapshot taken', value: when(reply.committedAtMs), inline: true },
    {
      name: 'Age',
      value: `${duration(f?.ageMs ?? null)} (${stale ? '**stale**' : 'fresh'}; stale after ${duration(f?.staleAfterMs ?? null)})`,
      inline: true,
    },
    { name: 'Active era', value: count(reply.activeEra), inline: true },
    { name: 'Store version', value: count(reply.version), inline: true },
    {
      name: 'Counts',
      value: `${count(reply.counts.validators)} validators · ${count(reply.counts.nominators)} nominators · ${count(reply.counts.poolMembers)} pool members · ${count(reply.counts.referenda)} referenda · ${count(reply.counts.accounts)} accounts`,
    },
  ];
  if (reply.warnings.length > 0)
    fields.push({
      name: 'Snapshot warnings',
      value: reply.warnings.map((w) => `• ${escapeMarkdown(w)}`).join('\n'),
    });
  return { title: 'Herald status', color: stale ? COLOURS.stale : COLOURS.status, fields };
}
