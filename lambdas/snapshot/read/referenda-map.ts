/** Pure mapping from the chain's JSON form of `ReferendumInfo` to Herald's domain type. */
import type { Deposit, EndedStatus, ProposalRef, ReferendumInfo } from '../../../core/types/governance.js';
import { DecodeError } from '../scale/errors.js';

type Json = Record<string, unknown>;

const big = (x: unknown): bigint => BigInt(x as string | number);
const num = (x: unknown): number => Number(x);

function deposit(x: unknown): Deposit | null {
  if (x == null) return null;
  const d = x as Json;
  return { who: String(d.who), amount: big(d.amount) };
}

/** "Origins.SmallSpender", "system.Root": the outer variant, then the inner one. */
export function originName(origin: unknown): string {
  if (typeof origin === 'string') return origin;
  const [outer, inner] = Object.entries(origin as Json)[0] ?? ['unknown', null];
  const outerName = outer === 'origins' ? 'Origins' : outer;
  if (inner == null) return outerName;
  if (typeof inner === 'string') return `${outerName}.${inner}`;
  const innerKey = Object.keys(inner as Json)[0] ?? '';
  return `${outerName}.${innerKey.charAt(0).toUpperCase()}${innerKey.slice(1)}`;
}

function proposal(x: Json, inlineHash: (call: string) => string): ProposalRef {
  if (x.legacy) return { kind: 'Legacy', hash: String((x.legacy as Json).hash) };
  if (x.inline !== undefined)
    return { kind: 'Inline', hash: inlineHash(String(x.inline)), call: String(x.inline) };
  if (x.lookup)
    return { kind: 'Lookup', hash: String((x.lookup as Json).hash), len: num((x.lookup as Json).len) };
  throw new DecodeError(`unknown proposal kind ${Object.keys(x).join(',')}`);
}

const ENDED: Record<string, EndedStatus> = {
  approved: 'approved',
  rejected: 'rejected',
  cancelled: 'cancelled',
  timedOut: 'timedOut',
  killed: 'killed',
};

export function referendumFromJson(
  id: number,
  json: unknown,
  inlineHash: (call: string) => string,
): ReferendumInfo {
  const [variant, body] = Object.entries(json as Json)[0] ?? [];
  if (variant === 'ongoing') {
    const o = body as Json;
    const deciding = o.deciding as Json | null;
    const tally = o.tally as Json;
    const enactment = o.enactment as Json;
    const alarm = o.alarm as unknown[] | null;
    return {
      status: 'ongoing',
      id,
      track: num(o.track),
      origin: originName(o.origin),
      proposal: proposal(o.proposal as Json, inlineHash),
      enactment:
        enactment.at !== undefined
          ? { kind: 'At', block: num(enactment.at) }
          : { kind: 'After', blocks: num(enactment.after) },
      submitted: num(o.submitted),
      submissionDeposit: deposit(o.submissionDeposit)!,
      decisionDeposit: deposit(o.decisionDeposit),
      deciding: deciding
        ? {
            since: num(deciding.since),
            confirming: deciding.confirming == null ? null : num(deciding.confirming),
          }
        : null,
      tally: { ayes: big(tally.ayes), nays: big(tally.nays), support: big(tally.support) },
      inQueue: Boolean(o.inQueue),
      alarm: alarm ? num(alarm[0]) : null,
    };
  }
  const status = variant ? ENDED[variant] : undefined;
  if (!status) throw new DecodeError(`referendum ${id}: unknown status ${variant}`);
  if (status === 'killed')
    return { status, id, block: num(body), submissionDeposit: null, decisionDeposit: null };
  const [block, submission, decision] = body as unknown[];
  return {
    status,
    id,
    block: num(block),
    submissionDeposit: deposit(submission),
    decisionDeposit: deposit(decision),
  };
}
