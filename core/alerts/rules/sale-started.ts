/**
 * A new bulk coretime sale: the Coretime chain's `SaleInfo` now names another sale (another
 * `saleStart` or `regionBegin`) than the previous version's. Once per sale (its region's first
 * timeslice). Not on a first run, nor when the previous version had no Coretime part to compare.
 */
import {
  coresAvailable,
  leadinEndBlock,
  type SalePhase,
  saleEndBlock,
  salePhase,
} from '../../coretime/sale-phase.js';
import { salePriceAt } from '../../coretime/sale-price.js';
import { timesliceStartBlock } from '../../coretime/timeslice.js';
import { blockAt } from '../detect-context.js';
import { saleOf } from '../detect-parachains.js';
import { CORETIME_COMMAND } from '../parachain-words.js';
import type { AlertRule } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import { at, type RuleText } from '../spans.js';
import { blockTime, ksm } from '../wording.js';

export interface SaleStartedFacts {
  kind: 'sale-started';
  /** The timeslices of the region the sale's cores run in. */
  regionBegin: number;
  regionEnd: number;
  phase: SalePhase;
  saleStart: BlockAt;
  leadinEnd: BlockAt;
  /** When the sale rotates (the last moment to buy or renew in it is before). */
  saleEnd: BlockAt;
  regionStart: BlockAt;
  regionStop: BlockAt;
  /** Planck, as decimal strings. */
  startPrice: string;
  endPrice: string;
  coresOffered: number;
  coresAvailable: number;
}

export const saleStarted: AlertRule<SaleStartedFacts, 'parachains'> = {
  kind: 'sale-started',
  group: 'coretime',
  description: 'a new coretime sale starts',
  severity: 'info',
  source: 'parachains',
  detect({ before, after, relayBlock }, clock) {
    const now = saleOf(after.coretime);
    if (!now || !before?.entity.coretime) return [];
    const was = before.entity.coretime.sale;
    if (was && was.saleStart === now.sale.saleStart && was.regionBegin === now.sale.regionBegin) return [];
    const { sale, period } = now;
    const config = { advanceNotice: now.advanceNotice };
    return [
      {
        id: `sale:${sale.regionBegin}:started`,
        scope: { type: 'coretime', below: null },
        facts: {
          kind: 'sale-started',
          regionBegin: sale.regionBegin,
          regionEnd: sale.regionEnd,
          phase: salePhase(sale, config, period, relayBlock),
          saleStart: blockAt(clock, sale.saleStart),
          leadinEnd: blockAt(clock, leadinEndBlock(sale)),
          saleEnd: blockAt(clock, saleEndBlock(sale, config, period)),
          regionStart: blockAt(clock, timesliceStartBlock(sale.regionBegin, period)),
          regionStop: blockAt(clock, timesliceStartBlock(sale.regionEnd, period)),
          startPrice: salePriceAt(sale, sale.saleStart).toString(),
          endPrice: sale.endPrice.toString(),
          coresOffered: sale.coresOffered,
          coresAvailable: coresAvailable(sale),
        },
      },
    ];
  },
  message: (f) => {
    const lines: RuleText[] = [
      [
        `${f.coresOffered} cores offered for the region from `,
        ...blockTime(f.regionStart),
        ' to ',
        ...blockTime(f.regionStop),
        '.',
      ],
      [
        `The price falls from ${ksm(f.startPrice)} at the start to ${ksm(f.endPrice)} when the lead-in ends `,
        ...blockTime(f.leadinEnd),
        ', then stays there until the sale ends ',
        ...blockTime(f.saleEnd),
        '.',
      ],
    ];
    if (f.phase === 'interlude')
      lines.push('Until it opens, only renewals can be made: paras holding a core renew it now.');
    return {
      title:
        f.phase === 'interlude'
          ? ['A new coretime sale opens ', at(f.saleStart.atMs)]
          : ['A new coretime sale started ', at(f.saleStart.atMs)],
      lines,
      commands: [CORETIME_COMMAND],
    };
  },
};
