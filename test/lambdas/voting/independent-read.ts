/**
 * Conviction voting read straight from the dev chain with @polkadot/api (decoded by its metadata,
 * not by Herald's reader), and the pallet's rules written out here: what /votes and /delegate must
 * agree with. Nothing of Herald's voting code is used.
 */
import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';

export interface RawVote {
  referendum: number;
  kind: 'standard' | 'split' | 'splitAbstain';
  aye?: boolean;
  conviction?: number;
  balance: bigint;
  /** The split sides (zero for a standard vote). */
  sides: { aye: bigint; nay: bigint; abstain: bigint };
}

export type RawClass =
  | {
      kind: 'casting';
      votes: RawVote[];
      delegations: { votes: bigint; capital: bigint };
      prior: { until: number; amount: bigint };
    }
  | {
      kind: 'delegating';
      target: string;
      conviction: number;
      balance: bigint;
      delegations: { votes: bigint; capital: bigint };
      prior: { until: number; amount: bigint };
    };

export type RawOutcome =
  | { status: 'ongoing'; track: number }
  | { status: 'approved' | 'rejected'; end: number }
  | { status: 'none' };

export interface RawVoting {
  /** account → class → value */
  votingFor: Map<string, Map<number, RawClass>>;
  classLocks: Map<string, Array<[number, bigint]>>;
  outcomes: Map<number, RawOutcome>;
  relayBlock: number;
}

type J = Record<string, unknown>;
const big = (v: unknown): bigint => BigInt(String(v ?? 0));

function prior(p: unknown): { until: number; amount: bigint } {
  const [until, amount] = p as [number, unknown];
  return { until: Number(until), amount: big(amount) };
}

function delegations(d: unknown): { votes: bigint; capital: bigint } {
  const x = d as J;
  return { votes: big(x.votes), capital: big(x.capital) };
}

/** `Conviction` variants by name, as the metadata lists them. */
const CONVICTIONS = ['None', 'Locked1x', 'Locked2x', 'Locked3x', 'Locked4x', 'Locked5x', 'Locked6x'];

function vote(referendum: number, v: Codec): RawVote {
  const e = v as unknown as {
    type: string;
    asStandard: { vote: { isAye: boolean; conviction: { type: string } }; balance: Codec };
  } & {
    asSplit: { aye: Codec; nay: Codec };
    asSplitAbstain: { aye: Codec; nay: Codec; abstain: Codec };
  };
  if (e.type === 'Standard') {
    const s = e.asStandard;
    return {
      referendum,
      kind: 'standard',
      aye: s.vote.isAye,
      conviction: CONVICTIONS.indexOf(s.vote.conviction.type),
      balance: big(s.balance.toString()),
      sides: { aye: 0n, nay: 0n, abstain: 0n },
    };
  }
  if (e.type === 'Split') {
    const aye = big(e.asSplit.aye.toString());
    const nay = big(e.asSplit.nay.toString());
    return { referendum, kind: 'split', balance: aye + nay, sides: { aye, nay, abstain: 0n } };
  }
  const s = e.asSplitAbstain;
  const [aye, nay, abstain] = [big(s.aye.toString()), big(s.nay.toString()), big(s.abstain.toString())];
  return { referendum, kind: 'splitAbstain', balance: aye + nay + abstain, sides: { aye, nay, abstain } };
}

function classValue(value: Codec): RawClass {
  const v = value as unknown as {
    type: string;
    asCasting: J & { votes: Array<[Codec, Codec]> };
    asDelegating: J;
  };
  if (v.type === 'Casting') {
    const c = v.asCasting;
    return {
      kind: 'casting',
      votes: c.votes.map(([id, accountVote]) => vote(Number(id.toString()), accountVote)),
      delegations: delegations((c.delegations as Codec).toJSON()),
      prior: prior((c.prior as Codec).toJSON()),
    };
  }
  const d = v.asDelegating as J & { conviction: { type: string } };
  return {
    kind: 'delegating',
    target: (d.target as Codec).toString(),
    conviction: CONVICTIONS.indexOf(d.conviction.type),
    balance: big((d.balance as Codec).toString()),
    delegations: delegations((d.delegations as Codec).toJSON()),
    prior: prior((d.prior as Codec).toJSON()),
  };
}

function outcome(info: Codec): RawOutcome {
  const json = info.toJSON() as J;
  if (json.ongoing) return { status: 'ongoing', track: Number((json.ongoing as J).track) };
  if (json.approved) return { status: 'approved', end: Number((json.approved as unknown[])[0]) };
  if (json.rejected) return { status: 'rejected', end: Number((json.rejected as unknown[])[0]) };
  return { status: 'none' };
}

/** Every `VotingFor` and `ClassLocksFor` entry and every referendum, at one block. */
export async function readVoting(
  at: ApiDecoration<'promise'>,
  ss58: (raw: string) => string,
): Promise<RawVoting> {
  const votingFor = new Map<string, Map<number, RawClass>>();
  for (const [key, value] of await at.query.convictionVoting!.votingFor!.entries()) {
    const [who, cls] = key.args;
    const account = ss58(who!.toString());
    const classes = votingFor.get(account) ?? new Map<number, RawClass>();
    classes.set(Number(cls!.toString()), classValue(value));
    votingFor.set(account, classes);
  }
  const classLocks = new Map<string, Array<[number, bigint]>>();
  for (const [key, value] of await at.query.convictionVoting!.classLocksFor!.entries()) {
    const locks = (value.toJSON() as Array<[number, unknown]>).map(
      ([c, a]) => [Number(c), big(a)] as [number, bigint],
    );
    classLocks.set(ss58(key.args[0]!.toString()), locks);
  }
  const outcomes = new Map<number, RawOutcome>();
  for (const [key, value] of await at.query.referenda!.referendumInfoFor!.entries()) {
    const info = (value as unknown as { unwrapOr(d: null): Codec | null }).unwrapOr(null);
    if (info) outcomes.set(Number(key.args[0]!.toString()), outcome(info));
  }
  const relay = await at.query.parachainSystem!.lastRelayChainBlockNumber!();
  return { votingFor, classLocks, outcomes, relayBlock: Number(relay.toString()) };
}

/** The pallet's rules (Kusama): None counts a tenth and locks nothing; LockedNx counts N times, locks 2^(N-1) periods. */
export const multiplierTenths = (conviction: number): bigint =>
  conviction === 0 ? 1n : BigInt(conviction) * 10n;
export const lockPeriods = (conviction: number): number => (conviction === 0 ? 0 : 2 ** (conviction - 1));

/** Whether `removeVote` of this vote keeps it locked (a winning standard vote with conviction, its period not over). */
function stillLocked(
  v: RawVote,
  o: RawOutcome | undefined,
  now: number,
  period: number,
): 'ongoing' | boolean {
  if (o?.status === 'ongoing') return 'ongoing';
  if (!o || (o.status !== 'approved' && o.status !== 'rejected')) return false;
  if (v.kind !== 'standard' || v.conviction === 0) return false;
  if (v.aye !== (o.status === 'approved')) return false;
  return now < o.end + period * lockPeriods(v.conviction!);
}

export interface ExpectedUnlock {
  unlockable: bigint;
  /** Classes whose lock `unlock` lowers now. */
  lowered: number[];
  /** Per class: the votes `removeVote` drops without keeping a lock. */
  removable: Map<number, number[]>;
}

/** What `removeVote` of every free vote then `unlock` of every class would make transferable. */
export function expectedUnlock(raw: RawVoting, account: string, period: number): ExpectedUnlock {
  const now = raw.relayBlock;
  const locks = new Map(raw.classLocks.get(account) ?? []);
  const classes = raw.votingFor.get(account) ?? new Map<number, RawClass>();
  const removable = new Map<number, number[]>();
  const lowered: number[] = [];
  let before = 0n;
  let after = 0n;
  for (const cls of new Set([...locks.keys(), ...classes.keys()])) {
    const lock = locks.get(cls) ?? 0n;
    const v = classes.get(cls);
    let needed = 0n;
    if (v?.kind === 'casting') {
      for (const vote of v.votes) {
        if (stillLocked(vote, raw.outcomes.get(vote.referendum), now, period) === false)
          removable.set(cls, [...(removable.get(cls) ?? []), vote.referendum]);
        else if (vote.balance > needed) needed = vote.balance;
      }
    } else if (v) needed = v.balance;
    if (v && now < v.prior.until && v.prior.amount > needed) needed = v.prior.amount;
    if (lock > before) before = lock;
    if (lock > needed) lowered.push(cls);
    const left = lock > needed ? needed : lock;
    if (left > after) after = left;
  }
  return { unlockable: before - after, lowered: lowered.sort((a, b) => a - b), removable };
}

/** Who delegates to each account per class, counted from every Delegating record. */
export function delegatorsOf(
  raw: RawVoting,
): Map<string, Map<number, { count: number; capital: bigint; votes: bigint }>> {
  const out = new Map<string, Map<number, { count: number; capital: bigint; votes: bigint }>>();
  for (const classes of raw.votingFor.values())
    for (const [cls, v] of classes) {
      if (v.kind !== 'delegating') continue;
      const byClass = out.get(v.target) ?? new Map();
      const d = byClass.get(cls) ?? { count: 0, capital: 0n, votes: 0n };
      byClass.set(cls, {
        count: d.count + 1,
        capital: d.capital + v.balance,
        votes: d.votes + (v.balance * multiplierTenths(v.conviction)) / 10n,
      });
      out.set(v.target, byClass);
    }
  return out;
}
