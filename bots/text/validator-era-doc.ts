/** `/validator` and `/era` worded as documents. */
import { formatDuration } from '../../core/format/duration.js';
import { formatInteger, formatPerbill, formatPercent } from '../../core/format/number.js';
import type { EraReply, ValidatorReply } from '../../core/reply/reply-types.js';
import {
  describeEraTiming,
  describeIncentive,
  describeValidatorWarning,
} from '../../core/staking/describe.js';
import { plural } from './common.js';
import { type DocLine, fact, line, time } from './document.js';
import { KSM, rate } from './stake-doc.js';

const STATUS = {
  active: 'active: elected this era',
  waiting: 'waiting: a candidate, not elected this era',
  inactive: 'inactive: not a candidate',
} as const;

export function validatorLines(reply: ValidatorReply): { body: DocLine[]; warnings: DocLine[] } {
  const v = reply.view;
  const status: string[] = [STATUS[v.status]];
  if (v.commission !== null) status.push(`commission ${formatPerbill(v.commission)}`);
  if (v.blocked) status.push('blocks nominations');
  const body: DocLine[] = [fact('Status', status.join(', '))];
  if (v.bond) body.push(fact('Bonded', `${KSM(v.bond.total)} (active ${KSM(v.bond.active)})`));
  if (v.thisEra)
    body.push(
      fact(
        'This era',
        `${KSM(v.thisEra.total)} total stake, ${KSM(v.thisEra.own)} own, ${plural(v.thisEra.nominatorCount, 'nominator')} exposed, ${formatInteger(v.thisEra.points)} points`,
      ),
    );
  body.push(fact('Nominated by', plural(v.nominatedBy, 'nominator')));
  if (v.points.recentAverage !== null)
    body.push(
      fact(
        'Points',
        `average ${formatInteger(Math.round(v.points.recentAverage))} over the last ${plural(v.points.recent.length, 'era')}`,
      ),
    );
  const c = v.commissionIncome;
  if (c) body.push(fact('Commission income', `${KSM(c.total)} over the last ${plural(c.erasUsed, 'era')}`));
  if (v.incentive) body.push(fact('Self-stake incentive', describeIncentive(v.incentive)));
  body.push(
    fact(
      'Unclaimed',
      v.unclaimed.eras.length > 0
        ? `${plural(v.unclaimed.eras.length, 'era')}, about ${KSM(v.unclaimed.total)} to the validator`
        : 'none',
    ),
  );
  return { body, warnings: v.warnings.map((w) => line(describeValidatorWarning(w))) };
}

export function eraLines(reply: EraReply): { body: DocLine[]; warnings: DocLine[] } {
  const v = reply.view;
  const p = v.progress;
  const body: DocLine[] = [];
  if (v.currentEra !== null && v.currentEra !== v.activeEra)
    body.push(fact('Planned era', formatInteger(v.currentEra)));
  if (p.fraction !== null && p.elapsedMs !== null)
    body.push(
      fact('Progress', `${formatPercent(Math.min(p.fraction, 9.99), 0)} (${formatDuration(p.elapsedMs)} in)`),
    );
  body.push(fact('Next era', p.next.overdue ? 'overdue, expected ' : 'expected ', time(p.next.atMs)));
  body.push(fact('Era length', describeEraTiming(v.timing).replace(/^era length /, '')));
  body.push(fact('Total stake', KSM(v.totalStake)));
  body.push(
    fact(
      'Validators',
      `${formatInteger(v.validatorCount)} elected, ${formatInteger(v.waitingCount)} waiting`,
    ),
  );
  body.push(
    fact(
      'Nominators',
      `${formatInteger(v.nominatorCount)}; pools: ${formatInteger(v.poolCount)} with ${formatInteger(v.poolMemberCount)} members`,
    ),
  );
  body.push(
    fact(
      'Minimums',
      `nominator bond ${KSM(v.minNominatorBond)}; active stake of the last election ${KSM(v.minimumActiveStake)}`,
    ),
  );
  if (v.lastPaid)
    body.push(
      fact(
        'Last paid era',
        `${formatInteger(v.lastPaid.era)}: ${KSM(v.lastPaid.validatorReward)} to validators`,
      ),
    );
  body.push(fact('Network return (APR, recent eras)', rate(v.apy)));
  const warnings: DocLine[] = [];
  if (v.offenceQueueEarliestEra !== null)
    warnings.push(line(`Offences from era ${v.offenceQueueEarliestEra} are still being processed.`));
  return { body, warnings };
}
