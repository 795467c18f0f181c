/**
 * A subscribed para's head has not advanced for the subscription's stall time: the relay block its
 * latest head was built in (`Paras.MostRecentContext`) lies that long (relay blocks × 6 s) before
 * the snapshot's relay block. Once per (para, head, stall time): a later head re-arms it. Not for a
 * para the relay chain no longer has.
 */

import { formatDuration } from '../../format/duration.js';
import { formatInteger } from '../../format/number.js';
import { RELAY_BLOCK_MS } from '../../kusama/constants.js';
import { blockAt } from '../detect-context.js';
import { coresOf, parasById } from '../detect-parachains.js';
import { leadLabel } from '../identity.js';
import { paraCommand, paraTitle } from '../parachain-words.js';
import type { AlertRule, Found } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import { at, type RuleText } from '../spans.js';
import { blockTime, leadTime } from '../wording.js';

export interface ParaStalledFacts {
  kind: 'para-stalled';
  para: number;
  /** The para block number of its latest head, when the head data carried one. */
  headNumber: number | null;
  /** The relay block the latest head was built in. */
  headAt: BlockAt;
  /** Relay time since then, at the snapshot's relay block. */
  stalledMs: number;
  stallMinutes: number;
  /** Cores the relay chain runs it on now. */
  cores: number[];
}

export const paraStalled: AlertRule<ParaStalledFacts, 'parachains'> = {
  kind: 'para-stalled',
  group: 'parachains',
  description: "a para's head has not advanced for its stall time",
  severity: 'warning',
  source: 'parachains',
  detect({ after, relayBlock, stalls }, clock) {
    if (!after.relay || stalls.length === 0) return [];
    const paras = parasById(after);
    const found: Array<Found<ParaStalledFacts>> = [];
    for (const { para, minutes } of stalls) {
      const record = paras.get(para);
      if (!record || record.headRelayBlock === null) continue;
      const stalledMs = (relayBlock - record.headRelayBlock) * RELAY_BLOCK_MS;
      if (stalledMs < minutes * 60_000) continue;
      found.push({
        id: `para:${para}:stalled:${record.headRelayBlock}:${leadLabel(minutes)}`,
        scope: { type: 'para', para, stallMinutes: minutes },
        facts: {
          kind: 'para-stalled',
          para,
          headNumber: record.head?.number ?? null,
          headAt: blockAt(clock, record.headRelayBlock),
          stalledMs,
          stallMinutes: minutes,
          cores: coresOf(after, para),
        },
      });
    }
    return found;
  },
  message: (f) => {
    const head =
      f.headNumber === null ? 'Its latest head' : `Its latest block, #${formatInteger(f.headNumber)},`;
    const lines: RuleText[] = [
      [`${head} was built `, ...blockTime(f.headAt), `: ${formatDuration(f.stalledMs)} without a new one.`],
      f.cores.length === 0
        ? 'It holds no core on the relay chain now.'
        : `It runs on core ${f.cores.join(', core ')}.`,
    ];
    return {
      title: [
        `${paraTitle(f.para)} has not advanced for ${leadTime(f.stallMinutes)} or more, since `,
        at(f.headAt.atMs),
      ],
      lines,
      commands: [paraCommand(f.para)],
    };
  },
};
