/**
 * The Discord notifier the alert engine calls: alerts become embeds with their links as link
 * buttons, grouped into as few messages as the limits allow, posted to a channel or a user's DMs through `@discordjs/rest`. Every send
 * first takes room in the in-process rate limiter. Each message carries a nonce derived from its
 * target and alerts, enforced, so posting it again within Discord's few minutes creates nothing new.
 * Platform errors become outcomes, never throws; a target Discord says is gone is reported to
 * `onGone` so its subscriptions can be disabled.
 */

import type { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type {
  DeliveryOutcome,
  DeliveryTarget,
  Notifier,
  NotifierMessage,
} from '../../../core/ports/notifier.js';
import { groupAlerts } from './alert-embeds.js';
import { classifyDiscordError, type DeliveryVerdict } from './delivery-errors.js';
import { alertMessageNonce } from './message-nonce.js';
import { SlidingWindowLimiter } from './rate-limiter.js';

export interface DiscordNotifierOptions {
  rest: REST;
  limiter?: SlidingWindowLimiter;
  /** Longest wait for the in-process limiter before answering `retry` (default 10 s). */
  maxLimiterWaitMs?: number;
  /** Called once per send that finds the target gone; failures here are logged, not thrown. */
  onGone?: (target: DeliveryTarget, reason: string) => Promise<void>;
  /** Backoff after a 5xx or network error: base × 2^(consecutive failures − 1), capped (default 2 s, 5 min). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  log?: (line: string) => void;
}

const SNOWFLAKE = /^[0-9]{15,21}$/;

export class DiscordNotifier implements Notifier {
  readonly platform = 'discord' as const;
  private readonly limiter: SlidingWindowLimiter;
  private readonly dmChannels = new Map<string, string>();
  private readonly failures = new Map<string, number>();

  constructor(private readonly options: DiscordNotifierOptions) {
    this.limiter = options.limiter ?? new SlidingWindowLimiter();
  }

  async send(target: DeliveryTarget, messages: readonly NotifierMessage[]): Promise<DeliveryOutcome[]> {
    const groups = groupAlerts(messages);
    if (groups.length === 0) return [];
    const problem = targetProblem(target);
    if (problem) return groups.map((g) => ({ status: 'failed', alertIds: g.alertIds, reason: problem }));

    const key = `${target.kind}:${target.id}`;
    const outcomes: DeliveryOutcome[] = [];
    let stop: DeliveryVerdict | null = null;
    let channelId: string | null =
      target.kind === 'channel' ? target.id : (this.dmChannels.get(target.id) ?? null);
    for (const group of groups) {
      if (!stop && channelId === null) {
        const opened = await this.openDm(target.id);
        if (typeof opened === 'string') channelId = opened;
        else stop = opened;
      }
      if (!stop && channelId !== null) {
        const room = await this.limiter.acquire(channelId, this.options.maxLimiterWaitMs ?? 10_000);
        if (!room.ok) {
          stop = {
            status: 'retry',
            afterMs: room.afterMs,
            reason: 'in-process channel or global rate limit',
          };
        } else {
          try {
            const message = (await this.options.rest.post(Routes.channelMessages(channelId), {
              body: {
                embeds: group.embeds,
                ...(group.components.length > 0 ? { components: group.components } : {}),
                allowed_mentions: { parse: [] },
                nonce: alertMessageNonce(target, group.alertIds),
                enforce_nonce: true,
              },
            })) as { id: string };
            this.failures.delete(key);
            outcomes.push({ status: 'sent', alertIds: group.alertIds, messageIds: [message.id] });
            continue;
          } catch (error) {
            stop = classifyDiscordError(error);
            if (stop.status === 'failed') {
              outcomes.push({ status: 'failed', alertIds: group.alertIds, reason: stop.reason });
              stop = null;
              continue;
            }
          }
        }
      }
      stop = this.settle(stop!, key);
      outcomes.push(this.outcome(stop, group.alertIds));
    }
    const gone = outcomes.find((o) => o.status === 'gone');
    if (gone) {
      this.dmChannels.delete(target.id);
      await this.reportGone(target, gone.reason);
    }
    return outcomes;
  }

  /** A retry without a delay of its own gets the target's next backoff step. */
  private settle(verdict: DeliveryVerdict, key: string): DeliveryVerdict {
    if (verdict.status !== 'retry' || verdict.afterMs !== null) return verdict;
    const count = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, count);
    return { ...verdict, afterMs: this.backoff(count) };
  }

  private outcome(verdict: DeliveryVerdict, alertIds: string[]): DeliveryOutcome {
    if (verdict.status === 'retry')
      return { status: 'retry', alertIds, afterMs: verdict.afterMs ?? 0, reason: verdict.reason };
    return { status: verdict.status, alertIds, reason: verdict.reason };
  }

  private backoff(failures: number): number {
    const base = this.options.backoffBaseMs ?? 2_000;
    const max = this.options.backoffMaxMs ?? 5 * 60_000;
    return Math.min(max, base * 2 ** Math.min(failures - 1, 30));
  }

  /** The DM channel with a user (cached for the life of the process), or why there is none. */
  private async openDm(userId: string): Promise<string | DeliveryVerdict> {
    const room = await this.limiter.acquire('dm-open', this.options.maxLimiterWaitMs ?? 10_000);
    if (!room.ok) return { status: 'retry', afterMs: room.afterMs, reason: 'in-process global rate limit' };
    try {
      const channel = (await this.options.rest.post(Routes.userChannels(), {
        body: { recipient_id: userId },
      })) as {
        id: string;
      };
      this.dmChannels.set(userId, channel.id);
      return channel.id;
    } catch (error) {
      const verdict = classifyDiscordError(error);
      // A DM that cannot be opened is the user's choice (or the user is gone), not the content's fault.
      return verdict.status === 'failed' ? { status: 'gone', reason: verdict.reason } : verdict;
    }
  }

  private async reportGone(target: DeliveryTarget, reason: string): Promise<void> {
    if (!this.options.onGone) return;
    try {
      await this.options.onGone(target, reason);
    } catch (error) {
      this.options.log?.(
        `could not disable discord ${target.kind} ${target.id}: ${(error as Error).message}`,
      );
    }
  }
}

function targetProblem(target: DeliveryTarget): string | null {
  if (target.platform !== 'discord') return `a Discord notifier cannot deliver to ${String(target.platform)}`;
  if (target.kind !== 'channel' && target.kind !== 'dm')
    return `a Discord target is a channel or a dm, not ${String(target.kind)}`;
  if (typeof target.id !== 'string' || !SNOWFLAKE.test(target.id))
    return `a Discord ${target.kind} id is a snowflake of 15-21 digits, not ${JSON.stringify(target.id)}`;
  return null;
}
