/**
 * A para's core must be renewed and the deadline (when the sale rotates, `saleEndBlock`) is within
 * a lead time (7 d, 1 d and 1 h by default): once per (para, core, sale, lead time), the tightest
 * lead that holds the time left. Only for a `due` renewal (`renewalStanding`): once the para renewed,
 * its entry moves to the next sale (`when` = `regionEnd`) and no reminder follows; a partial
 * workload (not renewable) and a lapsed one get none either.
 */
import { renewalParas, renewalStanding } from '../../coretime/renewal.js';
import { blockAt } from '../detect-context.js';
import { applicableLead } from '../detect-deadlines.js';
import { saleOf } from '../detect-parachains.js';
import { blocksMs } from '../detect-treasury.js';
import { leadLabel } from '../identity.js';
import { paraCommand, paraLabel, paraTitle, renewCall } from '../parachain-words.js';
import type { AlertRule, Found } from '../rule-types.js';
import type { BlockAt } from '../scope.js';
import { at, type RuleText } from '../spans.js';
import { blockTime, ksm, leadTime } from '../wording.js';

export interface RenewalDueFacts {
  kind: 'renewal-due';
  para: number;
  core: number;
  /** The sale's region begin (timeslice): which sale the renewal is for. */
  regionBegin: number;
  deadline: BlockAt;
  /** The renewal price, planck. */
  price: string;
  leadMinutes: number;
  /** `Broker.AutoRenewals` has the core for this para: the broker renews it when the sale rotates. */
  autoRenew: boolean;
  /** Other paras sharing the core's workload. */
  sharedWith: number[];
}

export const renewalDue: AlertRule<RenewalDueFacts, 'parachains'> = {
  kind: 'renewal-due',
  group: 'parachains',
  description: "a para's coretime must be renewed soon",
  severity: (f) => (f.autoRenew ? 'info' : f.leadMinutes <= 60 ? 'critical' : 'warning'),
  source: 'parachains',
  detect({ after, nowBlock, leadMinutes }, clock) {
    const now = saleOf(after.coretime);
    if (!now || leadMinutes.length === 0) return [];
    const found: Array<Found<RenewalDueFacts>> = [];
    for (const renewal of now.coretime.renewals) {
      const standing = renewalStanding(renewal, now.sale, { advanceNotice: now.advanceNotice }, now.period);
      if (standing.state !== 'due' || standing.deadline === null) continue;
      const lead = applicableLead(leadMinutes, blocksMs(standing.deadline - nowBlock));
      if (lead === null) continue;
      const paras = renewalParas(renewal);
      for (const para of paras) {
        const auto = now.coretime.autoRenewals.some((a) => a.core === renewal.core && a.para === para);
        found.push({
          id: `renewal:${para}:${renewal.core}:${renewal.when}:${leadLabel(lead)}`,
          scope: { type: 'para', para },
          facts: {
            kind: 'renewal-due',
            para,
            core: renewal.core,
            regionBegin: renewal.when,
            deadline: blockAt(clock, standing.deadline),
            price: renewal.price.toString(),
            leadMinutes: lead,
            autoRenew: auto,
            sharedWith: paras.filter((p) => p !== para),
          },
        });
      }
    }
    return found;
  },
  message: (f) => {
    const lines: RuleText[] = [
      [
        `Renewing core ${f.core} costs ${ksm(f.price)}: ${renewCall(f.core)} on the Coretime chain, before `,
        ...blockTime(f.deadline),
        ' (any account may submit it and pays the price).',
      ],
    ];
    if (f.sharedWith.length > 0)
      lines.push(`The core's workload also runs ${f.sharedWith.map(paraLabel).join(', ')}.`);
    lines.push(
      f.autoRenew
        ? "Auto-renewal is on for this core: the broker renews it when the sale rotates, paid from the para's account on the Coretime chain, which must hold the price."
        : 'Without a renewal the core goes back on sale when the sale rotates.',
    );
    return {
      title: [
        `${paraTitle(f.para)} must renew core ${f.core} within ${leadTime(f.leadMinutes)}, before `,
        at(f.deadline.atMs),
      ],
      lines,
      commands: [paraCommand(f.para)],
    };
  },
};
