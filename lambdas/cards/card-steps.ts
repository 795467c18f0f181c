/**
 * One card's platform work, done while the job holds its claim: create (the ambiguous window marked
 * before the request leaves, the message id recorded after), resolve a create whose answer was lost,
 * edit, close, retire. Every outcome of the platform becomes a record transition; nothing throws for
 * a platform error.
 */
import { type CardRecord, cardNonceSeed } from '../../core/cards/card-model.js';
import type { CardPlan } from '../../core/cards/card-plan.js';
import type { CardMessage, CardMessenger, CardOutcome } from '../../core/ports/card-messenger.js';
import type { CardStore } from '../../core/ports/card-store.js';
import type { CardContent } from './card-content.js';

export type StepResult =
  | 'created'
  | 'edited'
  | 'closed'
  | 'retired'
  | 'unchanged'
  | 'retry'
  | 'failed'
  | 'gone';

export interface StepContext {
  cards: CardStore;
  messenger: CardMessenger;
  owner: string;
  version: number;
  log: (line: string) => void;
}

async function message(record: CardRecord, content: CardContent, m: CardMessenger): Promise<CardMessage> {
  return {
    referendum: record.referendum,
    nonceSeed: cardNonceSeed(record.target, record.referendum, record.generation),
    payload: await content.payload(m.platform),
  };
}

function where(r: CardRecord): string {
  return `card of referendum ${r.referendum} in ${r.target.platform} ${r.target.kind} ${r.target.id}`;
}

/** A failed call: back to the pool for the next run, or the whole target gone. */
async function settle(
  ctx: StepContext,
  r: CardRecord,
  out: Exclude<CardOutcome, { status: 'ok' | 'missing' }>,
  unsent: boolean,
): Promise<StepResult> {
  ctx.log(`cards: ${where(r)}: ${out.status} (${out.reason})`);
  if (out.status === 'gone') {
    await ctx.cards.markFinal(r.target, r.referendum, ctx.owner, 'retired', { reason: out.reason });
    return 'gone';
  }
  await ctx.cards.release(r.target, r.referendum, ctx.owner, unsent);
  return out.status === 'retry' ? 'retry' : 'failed';
}

async function create(ctx: StepContext, r: CardRecord, content: CardContent): Promise<StepResult> {
  const card = await message(r, content, ctx.messenger);
  if (!(await ctx.cards.markSending(r.target, r.referendum, ctx.owner))) return 'retry';
  const out = await ctx.messenger.create(r.target, card);
  if (out.status === 'ok') {
    await ctx.cards.markLive(r.target, r.referendum, ctx.owner, {
      messageIds: out.messageIds,
      version: ctx.version,
      hash: content.hash,
    });
    return 'created';
  }
  if (out.status === 'missing') return settle(ctx, r, { status: 'failed', reason: out.reason }, true);
  // A refusal (429, gone, rejected) or a connection never made sent nothing; any other transient
  // failure may have: that card stays `sending` and is resolved by the next run.
  const unsent = out.status !== 'retry' || /rate|429|ECONNREFUSED|ENOTFOUND|EAI_AGAIN/i.test(out.reason);
  return settle(ctx, r, out, unsent);
}

async function edit(
  ctx: StepContext,
  r: CardRecord,
  content: CardContent,
  final: boolean,
): Promise<StepResult> {
  const out = await ctx.messenger.edit(r.target, r.messageIds, await message(r, content, ctx.messenger));
  if (out.status === 'ok') {
    const applied = { version: ctx.version, hash: content.hash };
    if (final) {
      await ctx.cards.markFinal(r.target, r.referendum, ctx.owner, 'closed', { reason: 'ended', ...applied });
      return 'closed';
    }
    await ctx.cards.markLive(r.target, r.referendum, ctx.owner, { messageIds: r.messageIds, ...applied });
    return 'edited';
  }
  if (out.status === 'missing') {
    if (final || content.ended) {
      await ctx.cards.markFinal(r.target, r.referendum, ctx.owner, 'retired', {
        reason: `deleted, and the referendum ended (${out.reason})`,
      });
      return 'retired';
    }
    ctx.log(`cards: ${where(r)} was deleted (${out.reason}); sending it again`);
    if (!(await ctx.cards.markReplace(r.target, r.referendum, ctx.owner, out.reason))) return 'retry';
    const again = await ctx.cards.claim(r.target, r.referendum, r.track, ctx.owner, 60_000);
    return again.claimed ? create(ctx, again.record, content) : 'retry';
  }
  return settle(ctx, r, out, false);
}

/** A create whose answer was lost: adopt the message it made, send when there is none, else give up. */
async function resolve(ctx: StepContext, r: CardRecord, content: CardContent): Promise<StepResult> {
  const card = await message(r, content, ctx.messenger);
  const found = await ctx.messenger.find(r.target, card, r.sendingAtMs ?? r.updatedAtMs);
  switch (found.status) {
    case 'found':
      ctx.log(`cards: ${where(r)}: found the message a lost create made`);
      return edit(ctx, { ...r, messageIds: found.messageIds }, content, content.ended);
    case 'none':
      await ctx.cards.release(r.target, r.referendum, ctx.owner, true);
      {
        const again = await ctx.cards.claim(r.target, r.referendum, r.track, ctx.owner, 60_000);
        return again.claimed ? create(ctx, again.record, content) : 'retry';
      }
    case 'unsupported':
      ctx.log(`cards: ${where(r)}: a create's answer was lost and ${found.reason}; not sending it twice`);
      await ctx.cards.markFinal(r.target, r.referendum, ctx.owner, 'unknown', { reason: found.reason });
      return 'retired';
    case 'retry':
      await ctx.cards.release(r.target, r.referendum, ctx.owner);
      return 'retry';
  }
}

export async function runStep(
  ctx: StepContext,
  plan: Exclude<CardPlan, { action: 'skip' }>,
  record: CardRecord,
  content: CardContent | null,
): Promise<StepResult> {
  if (plan.action === 'retire') {
    await ctx.cards.markFinal(record.target, record.referendum, ctx.owner, 'retired', {
      reason: plan.reason,
    });
    return 'retired';
  }
  if (!content) {
    await ctx.cards.release(record.target, record.referendum, ctx.owner);
    return 'unchanged';
  }
  switch (plan.action) {
    case 'create':
    case 'reopen':
      return create(ctx, record, content);
    case 'resolve':
      return resolve(ctx, record, content);
    case 'edit':
      return edit(ctx, record, content, false);
    case 'close':
      return edit(ctx, record, content, true);
  }
}
