/**
 * A para's lifecycle changed between the two versions' relay parts (`Paras.ParaLifecycles`), or it
 * appeared (registered) or went away (deregistered). Once per (para, change, relay block read):
 * the same versions compared twice give the same id. Not on a first run, nor when either version
 * has no relay part.
 */

import type { ParaRecord } from '../../types/parachains.js';
import { blockAt } from '../detect-context.js';
import { parasById } from '../detect-parachains.js';
import { type LifecycleState, lifecycleWords, paraCommand, paraTitle } from '../parachain-words.js';
import type { AlertRule, Found } from '../rule-types.js';
import type { BlockAt } from '../scope.js';

export interface ParaLifecycleFacts {
  kind: 'para-lifecycle';
  para: number;
  from: LifecycleState;
  to: LifecycleState;
  /** The relay block the new lifecycle was read at. */
  seen: BlockAt;
}

function stateOf(record: ParaRecord | undefined): LifecycleState {
  if (!record) return 'None';
  return record.lifecycle ?? 'Reserved';
}

export const paraLifecycle: AlertRule<ParaLifecycleFacts, 'parachains'> = {
  kind: 'para-lifecycle',
  group: 'parachains',
  description: 'a para changed lifecycle, was registered or removed',
  severity: (f) => (f.to === 'None' || f.to.startsWith('Offboarding') ? 'warning' : 'info'),
  source: 'parachains',
  detect({ before, after }, clock) {
    const relayAfter = after.relay;
    if (!before?.entity.relay || !relayAfter) return [];
    const was = parasById(before.entity);
    const now = parasById(after);
    const ids = [...new Set([...was.keys(), ...now.keys()])].sort((a, b) => a - b);
    const found: Array<Found<ParaLifecycleFacts>> = [];
    for (const para of ids) {
      const from = stateOf(was.get(para));
      const to = stateOf(now.get(para));
      if (from === to) continue;
      found.push({
        id: `para:${para}:lifecycle:${from}-${to}@${relayAfter.block}`,
        scope: { type: 'para', para },
        facts: { kind: 'para-lifecycle', para, from, to, seen: blockAt(clock, relayAfter.block) },
      });
    }
    return found;
  },
  message: (f) => {
    const title =
      f.from === 'None'
        ? `${paraTitle(f.para)} registered: ${lifecycleWords(f.to)}`
        : f.to === 'None'
          ? `${paraTitle(f.para)} deregistered`
          : `${paraTitle(f.para)} is now ${lifecycleWords(f.to)}`;
    return {
      title,
      lines: [`Before: ${lifecycleWords(f.from)}. Now: ${lifecycleWords(f.to)}.`],
      commands: f.to === 'None' ? [] : [paraCommand(f.para)],
    };
  },
};
