/** OpenGov at the pinned block: referenda, tracks, queues, proposal summaries (the treasury is `treasury.ts`). */
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import type { Curve, TrackInfo } from '../../../core/types/governance.js';
import type { GovernanceState } from '../../../core/types/snapshot.js';
import { decodeMapKey, storagePrefix } from '../rpc/keys.js';
import {
  DECIDING_COUNT,
  decodePreimage,
  decodeTrackQueue,
  REFERENDUM_INFO_FOR,
  TRACK_QUEUE,
} from '../scale/governance-values.js';
import { decodeU32 } from '../scale/staking-codecs.js';
import { decodeAll, type ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';
import { palletKeys } from './pallet-keys.js';
import { decodeProposalCall, summariseCall } from './proposal-summary.js';
import { referendumFromJson } from './referenda-map.js';

type Json = Record<string, unknown>;

function curveFromJson(json: unknown): Curve {
  const [kind, body] = Object.entries(json as Json)[0] ?? [];
  const b = body as Json;
  if (kind === 'linearDecreasing')
    return {
      type: 'LinearDecreasing',
      length: Number(b.length),
      floor: Number(b.floor),
      ceil: Number(b.ceil),
    };
  if (kind === 'steppedDecreasing') {
    return {
      type: 'SteppedDecreasing',
      begin: Number(b.begin),
      end: Number(b.end),
      step: Number(b.step),
      period: Number(b.period),
    };
  }
  if (kind === 'reciprocal') {
    return {
      type: 'Reciprocal',
      factor: BigInt(b.factor as number),
      xOffset: BigInt(b.xOffset as number),
      yOffset: BigInt(b.yOffset as number),
    };
  }
  throw new Error(`unknown curve kind ${kind}`);
}

export function readTracks(codec: MetadataCodec): TrackInfo[] {
  const tracks = codec.consts.referenda?.tracks as unknown as
    | Array<[{ toNumber(): number }, { name: { toU8a(raw: boolean): Uint8Array }; toJSON(): Json }]>
    | undefined;
  if (!tracks) return [];
  return tracks.map(([id, info]) => {
    const j = info.toJSON();
    const name = new TextDecoder().decode(info.name.toU8a(true)).replace(/\0+$/, '');
    return {
      id: id.toNumber(),
      name,
      maxDeciding: Number(j.maxDeciding),
      decisionDeposit: BigInt(j.decisionDeposit as string),
      preparePeriod: Number(j.preparePeriod),
      decisionPeriod: Number(j.decisionPeriod),
      confirmPeriod: Number(j.confirmPeriod),
      minEnactmentPeriod: Number(j.minEnactmentPeriod),
      minApproval: curveFromJson(j.minApproval),
      minSupport: curveFromJson(j.minSupport),
    };
  });
}

const inlineHash = (call: string) => blake2AsHex(call, 256);

async function readSummaries(ctx: ReadContext, codec: MetadataCodec, state: GovernanceState): Promise<void> {
  const lookups: Array<{ id: number; hash: string; len: number | null }> = [];
  for (const r of Object.values(state.referenda)) {
    if (r.status !== 'ongoing') continue;
    const p = r.proposal;
    if (p.kind === 'Inline')
      state.proposalSummaries[r.id] = safeSummary(ctx, codec, state, r.id, p.call, p.hash);
    else lookups.push({ id: r.id, hash: p.hash, len: p.kind === 'Lookup' ? p.len : null });
  }
  if (!ctx.has('Preimage', 'PreimageFor')) {
    for (const l of lookups) state.proposalSummaries[l.id] = l.hash;
    return;
  }
  // Legacy proposals carry no length: it is in the preimage's request status.
  const legacy = lookups.filter((l) => l.len === null);
  const statuses = await ctx.storage.values(
    legacy.map((l) => storagePrefix('Preimage', 'RequestStatusFor') + l.hash.slice(2)),
  );
  legacy.forEach((l, i) => {
    const hex = statuses[i];
    if (!hex) return;
    const status = codec.decode('Preimage', 'RequestStatusFor', hex).toJSON() as Json;
    const body = Object.values(status)[0] as Json;
    l.len = Number(body.len ?? body.maybeLen ?? Number.NaN);
  });
  const withLen = lookups.filter((l) => l.len !== null && Number.isFinite(l.len));
  const lenHex = (n: number) => u8aToHex(new Uint8Array(new Uint32Array([n]).buffer)).slice(2);
  const calls = await ctx.storage.values(
    withLen.map((l) => storagePrefix('Preimage', 'PreimageFor') + l.hash.slice(2) + lenHex(l.len!)),
  );
  for (const l of lookups) state.proposalSummaries[l.id] = l.hash;
  withLen.forEach((l, i) => {
    const hex = calls[i];
    if (!hex) return;
    state.proposalSummaries[l.id] = safeSummary(ctx, codec, state, l.id, decodePreimage(hex), l.hash);
  });
}

function safeSummary(
  ctx: ReadContext,
  codec: MetadataCodec,
  state: GovernanceState,
  id: number,
  call: string,
  hash: string,
): string {
  try {
    const summary = summariseCall(codec.registry, call);
    state.proposalCalls ??= {};
    state.proposalCalls[id] = decodeProposalCall(codec.registry, call);
    return summary;
  } catch (error) {
    ctx.warn(`referendum ${id}: proposal call did not decode (${(error as Error).message})`);
    return `call ${hash} (undecodable)`;
  }
}

export async function readGovernance(ctx: ReadContext, codec: MetadataCodec): Promise<GovernanceState> {
  const state: GovernanceState = {
    referendumCount: 0,
    referenda: {},
    tracks: readTracks(codec),
    decidingCount: {},
    trackQueue: {},
    proposalSummaries: {},
    proposalCalls: {},
    // Superseded by Snapshot.treasury (read/treasury.ts).
  };
  if (!ctx.has('Referenda', 'ReferendumInfoFor')) {
    ctx.warn('Referenda is not in this runtime; governance left empty');
    return state;
  }
  const R = (item: string) => storagePrefix('Referenda', item);
  // The three maps' keys in one paged read of the pallet's prefix (its other map, MetadataOf, is
  // no bigger than ReferendumInfoFor), then their values and the count in one batch.
  const [countHex, keys] = await Promise.all([
    ctx.storage.value(R('ReferendumCount')),
    palletKeys(ctx, 'Referenda', ['ReferendumInfoFor', 'DecidingCount', 'TrackQueue']),
  ]);
  const all = [...keys.ReferendumInfoFor!, ...keys.DecidingCount!, ...keys.TrackQueue!];
  const fetched = await ctx.storage.values(all);
  const values = new Map(all.map((k, i) => [k, fetched[i] ?? null]));
  const pairs = (list: string[]) =>
    list.flatMap((k): Array<[string, string]> => (values.get(k) ? [[k, values.get(k)!]] : []));
  const [infos, deciding, queues] = [
    pairs(keys.ReferendumInfoFor!),
    pairs(keys.DecidingCount!),
    pairs(keys.TrackQueue!),
  ];
  state.referendumCount = countHex ? decodeU32(countHex, 'referenda.referendumCount') : 0;
  for (const r of decodeAll(ctx, 'Referenda.ReferendumInfoFor', infos, (k, v) => {
    const id = decodeMapKey(k, REFERENDUM_INFO_FOR.keys)[0] as number;
    return referendumFromJson(id, codec.decode('Referenda', 'ReferendumInfoFor', v).toJSON(), inlineHash);
  })) {
    state.referenda[r.id] = r;
  }
  for (const [k, v] of deciding) {
    const track = decodeMapKey(k, DECIDING_COUNT.keys)[0] as number;
    state.decidingCount[track] = decodeU32(v, 'referenda.decidingCount');
  }
  for (const [k, v] of queues)
    state.trackQueue[decodeMapKey(k, TRACK_QUEUE.keys)[0] as number] = decodeTrackQueue(v);
  await readSummaries(ctx, codec, state);
  return state;
}
