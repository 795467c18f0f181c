/**
 * The bulk coretime price (`salePriceAt` at the snapshot's relay block) is at or below a level a
 * coretime subscription chose: once per (sale, level). Only while cores can be bought (the lead-in
 * or the fixed price after it), never before the sale opens or after it ended.
 */
import {
  coresAvailable,
  leadinEndBlock,
  type SalePhase,
  saleEndBlock,
  salePhase,
} from '../../coretime/sale-phase.js';
import { salePriceAt } from '../../coretime/sale-price.js';
import { blockAt } from '../detect-context.js';
import { levelPlanck, saleOf } from '../detect-parachains.js';
import { CORETIME_COMMAND } from '../parachain-words.js';
import type { AlertRule, Found } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import type { RuleText } from '../spans.js';
import { blockTime, ksm } from '../wording.js';

export interface SalePriceBelowFacts {
  kind: 'sale-price-below';
  regionBegin: number;
  /** The subscription's level, KSM as a plain decimal string. */
  level: string;
  /** The price at the snapshot's relay block and at the end of the lead-in, planck. */
  price: string;
  endPrice: string;
  phase: SalePhase;
  leadinEnd: BlockAt;
  saleEnd: BlockAt;
  coresAvailable: number;
}

export const salePriceBelow: AlertRule<SalePriceBelowFacts, 'parachains'> = {
  kind: 'sale-price-below',
  group: 'coretime',
  description: 'the coretime sale price reached your level',
  severity: 'warning',
  source: 'parachains',
  detect({ after, relayBlock, priceLevels }, clock) {
    const now = saleOf(after.coretime);
    if (!now || priceLevels.length === 0) return [];
    const { sale, period } = now;
    const config = { advanceNotice: now.advanceNotice };
    const phase = salePhase(sale, config, period, relayBlock);
    if (phase !== 'leadin' && phase !== 'fixed') return [];
    const price = salePriceAt(sale, relayBlock);
    const found: Array<Found<SalePriceBelowFacts>> = [];
    for (const level of priceLevels) {
      if (price > levelPlanck(level)) continue;
      found.push({
        id: `sale:${sale.regionBegin}:below:${level}`,
        scope: { type: 'coretime', below: level },
        facts: {
          kind: 'sale-price-below',
          regionBegin: sale.regionBegin,
          level,
          price: price.toString(),
          endPrice: sale.endPrice.toString(),
          phase,
          leadinEnd: blockAt(clock, leadinEndBlock(sale)),
          saleEnd: blockAt(clock, saleEndBlock(sale, config, period)),
          coresAvailable: coresAvailable(sale),
        },
      });
    }
    return found;
  },
  message: (f) => {
    const next: RuleText =
      f.phase === 'leadin'
        ? [`It keeps falling, to ${ksm(f.endPrice)} when the lead-in ends `, ...blockTime(f.leadinEnd), '.']
        : ['It stays there until the sale ends ', ...blockTime(f.saleEnd), '.'];
    return {
      title: `Coretime at ${ksm(f.price)} a core, at or below your ${ksm(levelPlanckText(f.level))}`,
      lines: [
        `${f.coresAvailable} ${f.coresAvailable === 1 ? 'core is' : 'cores are'} still for sale.`,
        next,
        'Buy with broker.purchase(priceLimit) on the Coretime chain.',
      ],
      commands: [CORETIME_COMMAND],
    };
  },
};

/** The level in planck as a decimal string, for the KSM wording. */
function levelPlanckText(level: string): string {
  return levelPlanck(level).toString();
}
