/** Referenda, preimage and conviction-voting storage pairs (the treasury's: write-treasury.ts). */
import type { Deposit, GovernanceState, ReferendumInfo } from '../../core/types/index.js';
import { ScenarioError } from './errors.js';
import type { Preimage } from './referenda-model.js';
import type { StorageContext } from './storage-context.js';
import type { StoragePair, VoteSpec, VotingRecord } from './types.js';
import { CONVICTIONS, classLocks, delegationIndex, delegationsIn } from './voting-model.js';

function originValue(origin: string): unknown {
  const [kind, name] = origin.split('.');
  if (!kind || !name) throw new ScenarioError(`origin "${origin}" is not "Kind.Variant"`);
  return { [kind]: name };
}

function depositValue(d: Deposit | null): unknown {
  return d ? { who: d.who, amount: d.amount } : null;
}

const ENDED_VARIANT = {
  approved: 'Approved',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  timedOut: 'TimedOut',
  killed: 'Killed',
} as const;

export function referendumValue(r: ReferendumInfo): unknown {
  if (r.status !== 'ongoing') {
    const variant = ENDED_VARIANT[r.status];
    if (variant === 'Killed') return { Killed: r.block };
    return { [variant]: [r.block, depositValue(r.submissionDeposit), depositValue(r.decisionDeposit)] };
  }
  const p = r.proposal;
  const proposal =
    p.kind === 'Inline'
      ? { Inline: p.call }
      : p.kind === 'Lookup'
        ? { Lookup: { hash: p.hash, len: p.len } }
        : { Legacy: { hash: p.hash } };
  return {
    Ongoing: {
      track: r.track,
      origin: originValue(r.origin),
      proposal,
      enactment: r.enactment.kind === 'At' ? { At: r.enactment.block } : { After: r.enactment.blocks },
      submitted: r.submitted,
      submissionDeposit: depositValue(r.submissionDeposit),
      decisionDeposit: depositValue(r.decisionDeposit),
      deciding: r.deciding,
      tally: r.tally,
      inQueue: r.inQueue,
      alarm: r.alarm === null ? null : [r.alarm, [r.alarm, 0]],
    },
  };
}

export function preimagePairs(ctx: StorageContext, p: Preimage): StoragePair[] {
  return [
    ctx.pair('Preimage', 'PreimageFor', [[p.hash, p.len]], p.call.bytes),
    ctx.pair('Preimage', 'RequestStatusFor', [p.hash], {
      Requested: { maybeTicket: [p.deposit.who, p.deposit.amount], count: 1, maybeLen: p.len },
    }),
  ];
}

function voteValue(v: VoteSpec): unknown {
  if (v.kind === 'Standard')
    return { Standard: { vote: (v.aye ? 0x80 : 0) | v.conviction, balance: v.balance } };
  if (v.kind === 'Split') return { Split: { aye: v.aye, nay: v.nay } };
  return { SplitAbstain: { aye: v.aye, nay: v.nay, abstain: v.abstain } };
}

/** One `VotingFor` value; `delegations` is what the account receives on the record's track. */
export function votingValue(r: VotingRecord, delegations: { votes: bigint; capital: bigint }): unknown {
  const prior = [r.prior?.until ?? 0, r.prior?.amount ?? 0n];
  if (r.kind === 'Delegating') {
    return {
      Delegating: {
        balance: r.balance,
        target: r.target,
        conviction: CONVICTIONS[r.conviction],
        delegations,
        prior,
      },
    };
  }
  return {
    Casting: {
      votes: r.votes.map((v) => [v.refId, voteValue(v.vote)]),
      delegations,
      prior,
    },
  };
}

export function votingPairs(ctx: StorageContext, records: VotingRecord[]): StoragePair[] {
  const index = delegationIndex(records);
  const out = records.map((r) =>
    ctx.pair(
      'ConvictionVoting',
      'VotingFor',
      [r.who, r.track],
      votingValue(r, delegationsIn(index, r.who, r.track)),
    ),
  );
  for (const [who, locks] of Object.entries(classLocks(records))) {
    out.push(ctx.pair('ConvictionVoting', 'ClassLocksFor', [who], locks));
  }
  return out;
}

export function referendumPair(ctx: StorageContext, r: ReferendumInfo): StoragePair {
  return ctx.pair('Referenda', 'ReferendumInfoFor', [r.id], referendumValue(r));
}

export function trackQueuePair(
  ctx: StorageContext,
  track: number,
  queue: Array<{ id: number; ayes: bigint }>,
): StoragePair {
  return ctx.pair(
    'Referenda',
    'TrackQueue',
    [track],
    queue.map((e) => [e.id, e.ayes]),
  );
}

export function referendaPairs(
  ctx: StorageContext,
  g: GovernanceState,
  preimages: Preimage[],
): StoragePair[] {
  const out: StoragePair[] = [ctx.pair('Referenda', 'ReferendumCount', [], g.referendumCount)];
  for (const r of Object.values(g.referenda)) out.push(referendumPair(ctx, r));
  for (const [t, n] of Object.entries(g.decidingCount))
    out.push(ctx.pair('Referenda', 'DecidingCount', [Number(t)], n));
  for (const [t, q] of Object.entries(g.trackQueue)) out.push(trackQueuePair(ctx, Number(t), q));
  for (const p of preimages) out.push(...preimagePairs(ctx, p));
  return out;
}
