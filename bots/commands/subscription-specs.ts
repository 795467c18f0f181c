/**
 * From what the user typed to what the store keeps: tracks resolved to ids against the snapshot,
 * referendum ids checked to exist. A refusal here happens before anything is written.
 */
import type { DeadlineScopeRequest, SubscribeRequest } from '../../core/commands/command-types.js';
import { type CommandError, commandError, ok, type Parsed } from '../../core/commands/errors.js';
import { ENTITY, PARACHAINS_ID, type ParachainsEntity } from '../../core/snapshot/entities.js';
import type { DeadlineScope, SubscriptionSpec, Target } from '../../core/subscriptions/subscription-model.js';
import type { CommandContext } from './context.js';
import { type Frame, tracksOf } from './frame.js';
import { resolveTrack } from './governance.js';
import { referendumHint, suggestReferendum } from './referendum/suggest.js';

async function trackId(
  query: string,
  ctx: CommandContext,
  frame: Frame,
  example: string,
): Promise<Parsed<number>> {
  const found = resolveTrack(query, await tracksOf(ctx, frame), example);
  return found.ok ? ok(found.value.id) : found;
}

async function scopeOf(
  scope: DeadlineScopeRequest,
  ctx: CommandContext,
  frame: Frame,
): Promise<Parsed<DeadlineScope>> {
  if (scope.type === 'all') return ok(scope);
  if (scope.type === 'track') {
    const id = await trackId(scope.track, ctx, frame, '/subscribe deadlines treasurer');
    return id.ok ? ok({ type: 'track', track: id.value }) : id;
  }
  const exists = await ctx.store.getEntity(ENTITY.referendum, String(scope.referendum), {
    pointer: frame.pointer,
  });
  if (exists === undefined) {
    const suggestion = await suggestReferendum(ctx, frame);
    return {
      ok: false,
      error: commandError(
        'unknown-referendum',
        `Referendum ${scope.referendum} is not in the snapshot at relay block ${frame.freshness.relayBlock}. ${suggestion.range}`,
        referendumHint(suggestion, (id) => `/subscribe deadlines #${id}`),
        `#${scope.referendum}`,
      ),
    };
  }
  return ok(scope);
}

export async function specOf(
  request: SubscribeRequest,
  ctx: CommandContext,
  frame: Frame,
): Promise<Parsed<SubscriptionSpec>> {
  switch (request.kind) {
    case 'address':
      return ok({ kind: 'address', address: request.address.address });
    case 'referenda': {
      if (request.track === null) return ok({ kind: 'referenda', track: null });
      const id = await trackId(request.track, ctx, frame, '/subscribe referenda treasurer');
      return id.ok ? ok({ kind: 'referenda', track: id.value }) : id;
    }
    case 'cards': {
      if (request.track === null) return ok({ kind: 'cards', track: null });
      const id = await trackId(request.track, ctx, frame, '/subscribe cards treasurer');
      return id.ok ? ok({ kind: 'cards', track: id.value }) : id;
    }
    case 'treasury':
      return ok({ kind: 'treasury', asset: request.asset, minAmount: request.minAmount });
    case 'coretime':
      return ok({ kind: 'coretime', below: request.below });
    case 'para':
      return ok({ kind: 'para', para: request.para, stallMinutes: request.stallMinutes });
    case 'deadlines': {
      const scope = await scopeOf(request.scope, ctx, frame);
      return scope.ok
        ? ok({ kind: 'deadlines', scope: scope.value, leadMinutes: request.leadMinutes })
        : scope;
    }
  }
}

/** The chat this command came from, or why subscriptions cannot be managed here. */
export function callerTarget(ctx: CommandContext): Parsed<Target> {
  if (ctx.caller && ctx.subscriptions) return ok(ctx.caller);
  const error: CommandError = commandError(
    'no-target',
    'Subscriptions belong to a chat, a channel or your DMs, and this request came from none of them.',
    'Send the command from the Discord channel, Telegram chat or DM that should receive the alerts.',
  );
  return { ok: false, error };
}

/**
 * A para id the latest snapshot's relay chain does not list (null when it does, or when the
 * snapshot has no relay part to ask): subscribing is allowed all the same, with a note.
 */
export async function unknownPara(
  spec: SubscriptionSpec,
  ctx: CommandContext,
  frame: Frame,
): Promise<number | null> {
  if (spec.kind !== 'para') return null;
  const entity = await ctx.store.getEntity<ParachainsEntity>(ENTITY.parachains, PARACHAINS_ID, {
    pointer: frame.pointer,
  });
  if (!entity?.relay) return null;
  return entity.relay.paras.some((p) => p.id === spec.para) ? null : spec.para;
}
