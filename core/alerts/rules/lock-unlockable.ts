/**
 * Conviction-voting funds a watched address can unlock now: the unlock assistant's `unlockable`
 * grew since the previous version, because a prior lock expired or a vote's lock period ended (the
 * relay block of the version moved on) or a referendum ended against the vote. Once per (address,
 * amount, the calls that free it and the expiries behind them).
 */
import { type UnlockCall, type UnlockPlan, unlockPlan } from '../../voting/locks.js';
import { accountButtons } from '../alert-links.js';
import type { VoterInput } from '../detect-voters.js';
import { addressAlertId, digest } from '../identity.js';
import type { AlertRule, Found } from '../rule-types.js';
import { ksm } from '../wording.js';

export type UnlockCallFacts =
  | { call: 'removeVote'; track: number; referendum: number }
  | { call: 'unlock'; track: number };

export interface LockUnlockableFacts {
  kind: 'lock-unlockable';
  address: string;
  /** Planck the calls make transferable, and the conviction-voting lock before and after them. */
  amount: string;
  lockedNow: string;
  lockedAfter: string;
  /** In order: every removeVote, then unlock per class that falls. */
  calls: UnlockCallFacts[];
}

function callFacts(call: UnlockCall): UnlockCallFacts {
  return call.call === 'removeVote'
    ? { call: 'removeVote', track: call.track, referendum: call.referendum }
    : { call: 'unlock', track: call.track };
}

/** The calls, and the expired prior locks of the classes they unlock: what caused the amount. */
function cause(plan: UnlockPlan): string {
  const unlocked = new Set(plan.calls.filter((c) => c.call === 'unlock').map((c) => c.track));
  const priors = plan.classes
    .filter((c) => unlocked.has(c.track) && c.prior?.expired)
    .map((c) => `p${c.track}@${c.prior!.until}`);
  const calls = plan.calls.map((c) =>
    c.call === 'removeVote' ? `r${c.track}.${c.referendum}` : `u${c.track}`,
  );
  return [...calls, ...priors].join(',');
}

function detect({ address, before, after, context }: VoterInput): Found<LockUnlockableFacts>[] {
  const { rules, outcomes } = context;
  if (!rules || !outcomes) return [];
  const now = unlockPlan(address, after, outcomes.after.outcome, rules, outcomes.after.relayBlock);
  if (now.unlockable <= 0n) return [];
  // On a first run (or before the store kept outcomes) there is nothing to compare: a standing
  // amount is told once, as a withdrawable unbonding chunk is.
  const was =
    context.hasBase && before && outcomes.before
      ? unlockPlan(address, before, outcomes.before.outcome, rules, outcomes.before.relayBlock).unlockable
      : 0n;
  if (now.unlockable <= was) return [];
  return [
    {
      id: addressAlertId('unlockable', address, now.unlockable.toString(), digest(cause(now))),
      scope: { type: 'address', address },
      facts: {
        kind: 'lock-unlockable',
        address,
        amount: now.unlockable.toString(),
        lockedNow: now.lockedNow.toString(),
        lockedAfter: now.lockedAfter.toString(),
        calls: now.calls.map(callFacts),
      },
    },
  ];
}

export const lockUnlockable: AlertRule<LockUnlockableFacts, 'voters'> = {
  kind: 'lock-unlockable',
  group: 'votes',
  description: 'conviction-voting funds can be unlocked',
  severity: 'info',
  source: 'voters',
  detect,
  message: (f, w) => ({
    title: `${ksm(f.amount)} can be unlocked now`,
    lines: [
      `${w.account(f.address)}: conviction voting locks ${ksm(f.lockedNow)}; after these calls, in this order, it locks ${ksm(f.lockedAfter)}:`,
      ...f.calls.map((c, i) =>
        c.call === 'removeVote'
          ? `${i + 1}. convictionVoting.removeVote(${c.track}, ${c.referendum})`
          : `${i + 1}. convictionVoting.unlock(${c.track}, ${f.address})`,
      ),
      'Sent together in one utility.batchAll, they free it in one transaction.',
    ],
    links: accountButtons(f.address),
  }),
};
