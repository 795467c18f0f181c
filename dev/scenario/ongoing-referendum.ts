/**
 * One ongoing referendum in a given phase: timings from the track periods around "now", a proposal
 * (stored preimage, inline call or missing preimage) and a tally that fails while deciding and passes
 * its curves while confirming.
 */
import { PERBILL, UNDECIDING_TIMEOUT_BLOCKS } from '../../core/kusama/constants.js';
import type { Address, Deposit, OngoingReferendum, Tally, TrackInfo } from '../../core/types/index.js';
import { ksm } from './amounts.js';
import { curveThreshold } from './curves.js';
import { callForTrack } from './proposals.js';
import type { ReferendaInput, ReferendaModel } from './referenda-model.js';
import type { Rng } from './rng.js';
import type { StorageContext } from './storage-context.js';
import type { ReferendumPhase } from './types.js';

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

export function deposit(rng: Rng, proposers: Address[], amount: bigint): Deposit {
  return { who: rng.pick(proposers), amount };
}

export function ongoingReferendum(
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
