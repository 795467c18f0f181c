/**
 * `/para <id|name>`: one para as the relay chain and the Coretime chain hold it (lifecycle,
 * manager, deposit and lock, its relay cores now, its broker coretime and until when, its renewals
 * with deadline and price, auto-renew, its latest head and how long ago it advanced). A name is
 * looked up in the table of Kusama paras. Reads `parachains/current` at the frame's pointer.
 */
import { paraCoretime } from '../../../core/coretime/para-coretime.js';
import { findParaByName } from '../../../core/kusama/para-names.js';
import { blockTime, type TimeAnchor } from '../../../core/opengov/time.js';
import type {
  ParaDetails,
  ParaRelayCore,
  ParaRenewalView,
  ParaReply,
} from '../../../core/reply/parachain-replies.js';
import type { Reply } from '../../../core/reply/reply-types.js';
import type { ParachainsEntity } from '../../../core/snapshot/entities.js';
import type { CoretimeState, ParaRecord, RelayParachainsState } from '../../../core/types/parachains.js';
import type { CommandContext } from '../context.js';
import type { Frame } from '../frame.js';
import { anchorOf, parachainsOf, paraOf, timesliceTime } from '../parachains/data.js';
import { base, missingData } from '../reply-base.js';
import type { ParaCommand, ParaQuery } from './grammar.js';

function relayCoresOf(relay: RelayParachainsState, id: number, anchor: TimeAnchor): ParaRelayCore[] {
  return [...relay.cores]
    .sort((a, b) => a.core - b.core)
    .flatMap((core) => {
      const parts = core.assignments
        .filter((a) => a.assignment.type === 'task' && a.assignment.para === id)
        .reduce((sum, a) => sum + a.parts, 0);
      if (parts === 0) return [];
      return [
        { core: core.core, parts, endsAt: core.endHint === null ? null : blockTime(core.endHint, anchor) },
      ];
    });
}

function coretimeParts(coretime: CoretimeState | null, id: number, anchor: TimeAnchor) {
  if (!coretime) return { coretime: null, heldUntil: null, lease: null, renewals: [], autoRenew: null };
  const held = paraCoretime(coretime, id);
  const period = coretime.timeslicePeriod;
  const renewals: ParaRenewalView[] = held.renewals.map((r) => ({
    core: r.core,
    when: timesliceTime(r.when, period, anchor),
    price: r.price,
    state: r.standing.state,
    deadline: r.standing.deadline === null ? null : blockTime(r.standing.deadline, anchor),
  }));
  const next = held.autoRenewals.map((a) => a.nextRenewal).sort((a, b) => a - b)[0];
  return {
    coretime: held,
    heldUntil: held.heldUntil === null ? null : timesliceTime(held.heldUntil, period, anchor),
    lease: held.lease ? timesliceTime(held.lease.until, period, anchor) : null,
    renewals,
    autoRenew: next === undefined ? null : timesliceTime(next, period, anchor),
  };
}

export function paraDetails(record: ParaRecord, state: ParachainsEntity, anchor: TimeAnchor): ParaDetails {
  const relay = state.relay;
  const relayBlock = relay?.block ?? anchor.relayBlock;
  return {
    para: paraOf(record.id),
    lifecycle: record.lifecycle,
    listed: record.listed,
    manager: record.manager,
    deposit: record.deposit,
    locked: record.locked,
    head: record.head,
    headRelayBlock: record.headRelayBlock === null ? null : blockTime(record.headRelayBlock, anchor),
    headAgeBlocks: record.headRelayBlock === null ? null : Math.max(0, relayBlock - record.headRelayBlock),
    relayCores: relay ? relayCoresOf(relay, record.id, anchor) : [],
    ...coretimeParts(state.coretime, record.id, anchor),
  };
}

/** A para the Coretime chain knows but the relay chain does not list: no record, only coretime. */
function bareRecord(id: number): ParaRecord {
  return {
    id,
    lifecycle: null,
    listed: false,
    manager: null,
    deposit: null,
    locked: null,
    head: null,
    headRelayBlock: null,
  };
}

function knownToBroker(coretime: CoretimeState | null, id: number): boolean {
  if (!coretime) return false;
  const held = paraCoretime(coretime, id);
  return (
    held.now.length + held.planned.length + held.renewals.length > 0 || held.lease !== null || held.reserved
  );
}

export function paraResult(
  query: ParaQuery,
  state: ParachainsEntity,
  anchor: TimeAnchor,
): ParaReply['result'] {
  let id: number;
  if (query.type === 'id') id = query.id;
  else {
    const match = findParaByName(query.text);
    if (match.type === 'none') return { type: 'unknown-name', text: query.text };
    if (match.type === 'ambiguous')
      return {
        type: 'ambiguous',
        text: query.text,
        candidates: match.candidates.map((c) => ({ id: c.id, name: c.name })),
      };
    id = match.para.id;
  }
  const record = state.relay?.paras.find((p) => p.id === id);
  if (record) return { type: 'found', details: paraDetails(record, state, anchor) };
  if (knownToBroker(state.coretime, id))
    return { type: 'found', details: paraDetails(bareRecord(id), state, anchor) };
  return { type: 'unknown-id', id };
}

export function paraReplyOf(command: ParaCommand, state: ParachainsEntity, frame: Frame): ParaReply {
  const anchor = anchorOf(frame);
  return {
    type: 'para',
    query: command.query.type === 'id' ? String(command.query.id) : command.query.text,
    relayBlock: state.relay?.block ?? anchor.relayBlock,
    result: paraResult(command.query, state, anchor),
    ...base(frame),
  };
}

export async function paraCommand(command: ParaCommand, frame: Frame, ctx: CommandContext): Promise<Reply> {
  const state = await parachainsOf(ctx, frame);
  if (!state?.relay) return missingData('para', 'relay chain parachain data', frame);
  return paraReplyOf(command, state, frame);
}
