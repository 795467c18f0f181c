/**
 * Referenda on the real tracks in every phase. Timings follow the track periods around "now" (a relay
 * block); deciding tallies fail (approval under 50%), confirming ones pass their curves at that point,
 * the queue holds referenda only on a track whose deciding slots are full.
 */
import { PERBILL, UNDECIDING_TIMEOUT_BLOCKS } from '../../core/kusama/constants.js';
import type {
  Address,
  Deposit,
  EndedReferendum,
  EndedStatus,
  OngoingReferendum,
  ReferendumInfo,
  Tally,
  TrackInfo,
} from '../../core/types/index.js';
import { ksm } from './amounts.js';
import { curveThreshold } from './curves.js';
import { callForTrack, type EncodedCall } from './proposals.js';
import { Rng } from './rng.js';
import type { StorageContext } from './storage-context.js';
import type { ReferendumPhase } from './types.js';

export interface ReferendaInput {
  seed: number;
  count: number;
  ongoing: number;
  tracks: TrackInfo[];
  relayBlock: number;
  activeIssuance: bigint;
  submissionDeposit: bigint;
  proposers: Address[];
}

export interface Preimage {
  hash: string;
  len: number;
  call: EncodedCall;
  deposit: Deposit;
}

export interface ReferendaModel {
  referenda: Record<number, ReferendumInfo>;
  phases: Record<ReferendumPhase, number[]>;
  decidingCount: Record<number, number>;
  trackQueue: Record<number, Array<{ id: number; ayes: bigint }>>;
  proposalSummaries: Record<number, string>;
  /** Calls of ongoing proposals, by referendum id; `stored` says whether the preimage is seeded. */
  calls: Record<number, { call: EncodedCall; stored: boolean }>;
  preimages: Preimage[];
}

const ENDED: EndedStatus[] = ['approved', 'rejected', 'timedOut', 'cancelled', 'killed'];
const ENDED_WEIGHTS = [0.55, 0.27, 0.09, 0.05, 0.04];

export function originFor(track: TrackInfo): string {
  if (track.name === 'root') return 'system.Root';
  const pascal = track.name.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase());
  return `Origins.${pascal}`;
}

function percentOf(amount: bigint, perbill: number): bigint {
  return (amount * BigInt(perbill)) / PERBILL;
}

export function ongoingTally(
  rng: Rng,
  track: TrackInfo,
  phase: ReferendumPhase,
  x: number,
  active: bigint,
): Tally {
  if (phase === 'confirming') {
    const approval = Math.min(
      Number(PERBILL),
      curveThreshold(track.minApproval, x) + rng.int(10, 40) * 1_000_000,
    );
    const supportNeed = curveThreshold(track.minSupport, x);
    const support = percentOf(active, Math.min(Number(PERBILL), supportNeed + rng.int(5, 30) * 1_000_000));
    const ayes = (support * BigInt(rng.int(2, 30))) / 10n;
    const nays = approval >= Number(PERBILL) ? 0n : (ayes * (PERBILL - BigInt(approval))) / BigInt(approval);
    return { ayes, nays, support };
  }
  const support = rng.bigint(ksm(50), ksm(60_000));
  const ayes = (support * BigInt(rng.int(1, 30))) / 10n;
  const nays = phase === 'deciding' ? ayes + rng.bigint(ksm(5_000), ksm(100_000)) : rng.bigint(0n, ayes * 2n);
  return { ayes, nays, support };
}

function deposit(rng: Rng, proposers: Address[], amount: bigint): Deposit {
  return { who: rng.pick(proposers), amount };
}

export function buildReferenda(ctx: StorageContext, input: ReferendaInput): ReferendaModel {
  const rng = new Rng(input.seed, 'referenda');
  const { tracks, relayBlock: now } = input;
  const root = tracks.find((t) => t.name === 'root')!;
  const others = tracks.filter((t) => t !== root);
  const m: ReferendaModel = {
    referenda: {},
    phases: {
      preparing: [],
      queued: [],
      deciding: [],
      confirming: [],
      approved: [],
      rejected: [],
      timedOut: [],
      cancelled: [],
      killed: [],
    },
    decidingCount: {},
    trackQueue: {},
    proposalSummaries: {},
    calls: {},
    preimages: [],
  };
  const firstOngoing = input.count - input.ongoing;
  for (let id = 0; id < firstOngoing; id++) {
    let status: EndedStatus;
    if (id < ENDED.length) status = ENDED[id]!;
    else {
      let roll = rng.float();
      let k = 0;
      while (k < ENDED.length - 1 && roll >= ENDED_WEIGHTS[k]!) roll -= ENDED_WEIGHTS[k++]!;
      status = ENDED[k]!;
    }
    const track = rng.pick(tracks);
    const block = now - Math.floor(((firstOngoing - id) / firstOngoing) * 400 * 14_400) - rng.int(0, 2_000);
    const sub =
      status === 'killed' || rng.chance(0.3) ? null : deposit(rng, input.proposers, input.submissionDeposit);
    const dec =
      status === 'killed' || status === 'timedOut' || rng.chance(0.2)
        ? null
        : deposit(rng, input.proposers, track.decisionDeposit);
    const ended: EndedReferendum = { status, id, block, submissionDeposit: sub, decisionDeposit: dec };
    m.referenda[id] = ended;
    m.phases[status].push(id);
  }

  const phases: ReferendumPhase[] = [];
  const nConfirming = Math.max(1, Math.round(input.ongoing * 0.15));
  const nPreparing = Math.max(2, Math.round(input.ongoing * 0.25));
  phases.push('deciding', 'queued', 'queued');
  for (let i = 0; i < nConfirming; i++) phases.push('confirming');
  for (let i = 0; i < nPreparing; i++) phases.push('preparing');
  while (phases.length < input.ongoing) phases.push('deciding');
  const deciding = new Map<number, number>();
  phases.forEach((phase, k) => {
    const id = firstOngoing + k;
    let track = k < 3 ? root : rng.pick(others);
    while (
      (phase === 'deciding' || phase === 'confirming') &&
      (deciding.get(track.id) ?? 0) >= track.maxDeciding
    ) {
      track = rng.pick(others);
    }
    const info = ongoing(ctx, rng, input, m, id, track, phase);
    if (info.deciding) deciding.set(track.id, (deciding.get(track.id) ?? 0) + 1);
    if (info.inQueue) {
      const queue = m.trackQueue[track.id] ?? [];
      queue.push({ id, ayes: info.tally.ayes });
      m.trackQueue[track.id] = queue;
    }
    m.referenda[id] = info;
    m.phases[phase].push(id);
  });
  for (const [t, n] of deciding) m.decidingCount[t] = n;
  for (const q of Object.values(m.trackQueue))
    q.sort((a, b) => (a.ayes < b.ayes ? -1 : a.ayes > b.ayes ? 1 : 0));
  return m;
}

function ongoing(
  ctx: StorageContext,
  rng: Rng,
  input: ReferendaInput,
  m: ReferendaModel,
  id: number,
  track: TrackInfo,
  phase: ReferendumPhase,
): OngoingReferendum {
  const now = input.relayBlock;
  let submitted: number;
  let decisionDeposit: Deposit | null = deposit(rng, input.proposers, track.decisionDeposit);
  let deciding: OngoingReferendum['deciding'] = null;
  let alarm: number | null;
  let x = 0;
  if (phase === 'preparing') {
    const waiting = m.phases.preparing.length % 2 === 1;
    submitted = waiting
      ? now - rng.int(track.preparePeriod, UNDECIDING_TIMEOUT_BLOCKS - 1)
      : now - rng.int(0, track.preparePeriod - 1);
    if (waiting) decisionDeposit = null;
    alarm = waiting ? submitted + UNDECIDING_TIMEOUT_BLOCKS : submitted + track.preparePeriod;
  } else if (phase === 'queued') {
    submitted = now - rng.int(track.preparePeriod + 1, UNDECIDING_TIMEOUT_BLOCKS - 1);
    alarm = submitted + UNDECIDING_TIMEOUT_BLOCKS;
  } else {
    const elapsed =
      phase === 'confirming'
        ? rng.int(Math.floor(track.decisionPeriod * 0.3), Math.floor(track.decisionPeriod * 0.9))
        : rng.int(1, track.decisionPeriod - 1);
    const since = now - elapsed;
    x = Math.floor((elapsed / track.decisionPeriod) * Number(PERBILL));
    submitted = since - track.preparePeriod - rng.int(0, 3_000);
    const confirming = phase === 'confirming' ? now + rng.int(1, track.confirmPeriod) : null;
    deciding = { since, confirming };
    alarm = confirming ?? since + track.decisionPeriod;
  }
  const beneficiary = rng.pick(input.proposers);
  const call = callForTrack(ctx, track.name, id, beneficiary);
  let proposal: OngoingReferendum['proposal'];
  const missing = id % 7 === 3;
  if (call.bytes.length <= 128 && call.call === 'system.remark') {
    proposal = { kind: 'Inline', hash: call.hash, call: call.hex };
    m.calls[id] = { call, stored: false };
  } else if (missing) {
    proposal = { kind: 'Lookup', hash: call.hash, len: call.bytes.length };
    m.calls[id] = { call, stored: false };
  } else {
    proposal = { kind: 'Lookup', hash: call.hash, len: call.bytes.length };
    m.calls[id] = { call, stored: true };
    const amount = 4_000_000_000n + BigInt(call.bytes.length) * 1_000_000n;
    m.preimages.push({
      hash: call.hash,
      len: call.bytes.length,
      call,
      deposit: { who: beneficiary, amount },
    });
  }
  m.proposalSummaries[id] = missing && proposal.kind === 'Lookup' ? call.hash : call.call;
  return {
    status: 'ongoing',
    id,
    track: track.id,
    origin: originFor(track),
    proposal,
    enactment: rng.chance(0.8)
      ? { kind: 'After', blocks: track.minEnactmentPeriod }
      : { kind: 'At', block: now + 100_800 },
    submitted,
    submissionDeposit: deposit(rng, input.proposers, input.submissionDeposit),
    decisionDeposit,
    deciding,
    tally: ongoingTally(rng, track, phase, x, input.activeIssuance),
    inQueue: phase === 'queued',
    alarm,
  };
}
