/**
 * The card job: after a snapshot version is committed, every target that chose cards gets one
 * message per ongoing referendum its subscription covers, edited when what the card shows changed,
 * closed once with the outcome, and retired when the subscription went, the message went after the
 * end, or the target went. Idempotent per version: a card whose record already shows this content
 * (or this version) is not touched. Targets run a few at a time; one target's cards run one after
 * another through the platform's limiter, so many cards in one chat are spread out, never a burst.
 * Errors are counted and logged, never thrown past one card.
 */
import { randomUUID } from 'node:crypto';
import { type CardRecord, isFinalCard } from '../../core/cards/card-model.js';
import { type CardPlan, coversTrack, planCard, type ReferendumStanding } from '../../core/cards/card-plan.js';
import type { CardMessenger } from '../../core/ports/card-messenger.js';
import type { CardStore } from '../../core/ports/card-store.js';
import type { DeliveryTarget, Platform } from '../../core/ports/notifier.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import { DEFAULT_STALE_AFTER_MS } from '../../core/reply/freshness.js';
import { ENTITY, INDEX_ID, type ReferendaIndex } from '../../core/snapshot/entities.js';
import { targetKey } from '../../core/subscriptions/subscription-model.js';
import { type ChartRenderer, contentSource } from './card-content.js';
import { runStep, type StepContext, type StepResult } from './card-steps.js';

export interface CardJobDeps {
  reader: SnapshotReader;
  subscriptions: Pick<SubscriptionStore, 'subscribersOf' | 'disableTarget'>;
  cards: CardStore;
  messengers: Partial<Record<Platform, CardMessenger>>;
  /** Draws a card's chart; null sends cards without one. */
  renderChart: ChartRenderer | null;
  now?: () => number;
  /** How long a claim holds a card (default 2 min: longer than the longest limiter wait and request). */
  leaseMs?: number;
  /** Targets worked on at once (default 4). */
  concurrency?: number;
  staleAfterMs?: number;
  log?: (line: string) => void;
}

export interface CardRunSummary {
  version: number | null;
  targets: number;
  counts: Record<StepResult | 'skipped', number>;
}

interface TargetWork {
  target: DeliveryTarget;
  /** The tracks its card subscriptions cover (null: all); empty when it has none any more. */
  tracks: Array<number | null>;
}

async function targetsOf(deps: CardJobDeps): Promise<TargetWork[]> {
  const [subscribers, known] = await Promise.all([
    deps.subscriptions.subscribersOf({ kind: 'cards' }),
    deps.cards.cardTargets(),
  ]);
  const work = new Map<string, TargetWork>();
  for (const s of subscribers) {
    if (s.subscription.spec.kind !== 'cards') continue;
    const key = targetKey(s.target);
    const w = work.get(key) ?? { target: s.target, tracks: [] };
    w.tracks.push(s.subscription.spec.track);
    work.set(key, w);
  }
  for (const t of known) if (!work.has(targetKey(t))) work.set(targetKey(t), { target: t, tracks: [] });
  return [...work.values()];
}

export async function runCardJob(deps: CardJobDeps): Promise<CardRunSummary> {
  const log = deps.log ?? (() => {});
  const now = deps.now ?? Date.now;
  const counts: CardRunSummary['counts'] = {
    created: 0,
    edited: 0,
    closed: 0,
    retired: 0,
    unchanged: 0,
    retry: 0,
    failed: 0,
    gone: 0,
    skipped: 0,
  };
  const pointer = await deps.reader.getPointer();
  if (!pointer) return { version: null, targets: 0, counts };
  const [index, work] = await Promise.all([
    deps.reader.getEntity<ReferendaIndex>(ENTITY.index, INDEX_ID.referenda, { pointer }),
    targetsOf(deps),
  ]);
  const ongoing = new Map((index?.ongoing ?? []).map((r) => [r.id, r.track]));
  const content = contentSource({
    reader: deps.reader,
    pointer,
    now,
    staleAfterMs: deps.staleAfterMs ?? DEFAULT_STALE_AFTER_MS,
    renderChart: deps.renderChart,
    log,
  });
  const owner = `cards-${randomUUID()}`;
  const leaseMs = deps.leaseMs ?? 120_000;

  async function oneTarget(w: TargetWork): Promise<void> {
    const messenger = deps.messengers[w.target.platform];
    if (!messenger) return;
    const records = new Map((await deps.cards.cards(w.target)).map((r) => [r.referendum, r]));
    const ids = new Set<number>(
      [...records.values()].filter((r) => !isFinalCard(r)).map((r) => r.referendum),
    );
    for (const [id, track] of ongoing) if (coversTrack(w.tracks, track)) ids.add(id);
    const ctx: StepContext = { cards: deps.cards, messenger, owner, version: pointer!.version, log };
    let gone = false;
    for (const id of [...ids].sort((a, b) => a - b)) {
      const track = ongoing.get(id);
      const record = records.get(id);
      if (gone) {
        if (record && !isFinalCard(record)) await retireGone(ctx, record, leaseMs);
        continue;
      }
      const card = await content(id);
      const standing: ReferendumStanding =
        track !== undefined ? { type: 'ongoing', track } : card ? { type: 'ended' } : { type: 'absent' };
      const situation = {
        standing,
        covered: track !== undefined && coversTrack(w.tracks, track),
        version: pointer!.version,
        hash: card?.hash ?? null,
      };
      const first = planCard({ ...situation, record, nowMs: now() });
      if (first.action === 'skip') {
        counts.skipped++;
        continue;
      }
      const claim = await deps.cards.claim(
        w.target,
        id,
        track ?? record?.track ?? 0,
        owner,
        leaseMs,
        first.action === 'reopen',
      );
      if (!claim.claimed) {
        counts.skipped++;
        continue;
      }
      const plan: CardPlan = planCard({
        ...situation,
        record: { ...claim.record, leaseUntilMs: null },
        nowMs: now(),
      });
      if (plan.action === 'skip') {
        await deps.cards.release(w.target, id, owner);
        counts.skipped++;
        continue;
      }
      const result = await runStep(ctx, plan, claim.record, card);
      counts[result]++;
      if (result === 'gone') {
        gone = true;
        await disable(w.target);
      }
    }
  }

  async function retireGone(ctx: StepContext, record: CardRecord, lease: number): Promise<void> {
    const claim = await deps.cards.claim(record.target, record.referendum, record.track, owner, lease);
    if (!claim.claimed) return;
    await ctx.cards.markFinal(record.target, record.referendum, owner, 'retired', {
      reason: 'the target is gone',
    });
    counts.retired++;
  }

  async function disable(target: DeliveryTarget): Promise<void> {
    try {
      await deps.subscriptions.disableTarget(
        target,
        `${target.platform}: the bot can no longer post there (cards)`,
      );
    } catch (error) {
      log(`cards: could not disable ${targetKey(target)}: ${(error as Error).message}`);
    }
  }

  const queue = [...work];
  const workers = Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, async () => {
    for (let w = queue.shift(); w; w = queue.shift()) {
      try {
        await oneTarget(w);
      } catch (error) {
        counts.failed++;
        log(`cards: ${targetKey(w.target)} failed: ${(error as Error).stack ?? String(error)}`);
      }
    }
  });
  await Promise.all(workers);
  return { version: pointer.version, targets: work.length, counts };
}
