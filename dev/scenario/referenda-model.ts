import type {
  Address,
  Deposit,
  EndedReferendum,
  EndedStatus,
  ReferendumInfo,
  TrackInfo,
} from '../../core/types/index.js';
import { deposit, ongoingReferendum } from './ongoing-referendum.js';
import type { EncodedCall } from './proposals.js';

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
    const info = ongoingReferendum(ctx, rng, input, m, id, track, phase);
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
