/**
 * Telegram's send limits, kept by one process: about 30 messages a second for the whole bot, one a
 * second per chat, and 20 a minute per group. Each send first reserves the earliest moment all
 * three allow (the global limit is a grid of evenly spaced slots), sleeps until then, and passes a
 * last check against the times messages really left: a timer that fires late must not bunch
 * messages up into a burst the limits forbid.
 */

export interface TelegramLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
  /** Added to every interval, so requests that arrive a little bunched still keep the limit. */
  marginMs: number;
}

export const TELEGRAM_LIMITS: TelegramLimits = {
  globalPerSecond: 30,
  perChatPerSecond: 1,
  perGroupPerMinute: 20,
  marginMs: 15,
};

export type Reservation = { ok: true; atMs: number; waitMs: number } | { ok: false; waitMs: number };

interface ChatState {
  nextAtMs: number;
  /** Send times of a group's last messages, oldest first (at most perGroupPerMinute). */
  recent: number[];
}

/** Group, supergroup and channel ids are negative; private chats (users) are positive. */
export function isGroupChat(chatId: string): boolean {
  return chatId.startsWith('-');
}

export class TelegramRateLimiter {
  private readonly slotMs: number;
  private readonly chatIntervalMs: number;
  private readonly groupWindowMs: number;
  private readonly chats = new Map<string, ChatState>();
  /** Taken global slots; `skip` points past runs of taken slots so a search stays short. */
  private readonly taken = new Set<number>();
  private readonly skip = new Map<number, number>();
  private pausedUntilMs = 0;
  /** When messages really left: the last globalPerSecond of them, and per chat. */
  private readonly sent: number[] = [];
  private readonly sentTo = new Map<string, number[]>();

  constructor(
    readonly limits: TelegramLimits = TELEGRAM_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {
    for (const [name, value] of Object.entries(limits)) {
      if (!Number.isFinite(value) || value < 0 || (name !== 'marginMs' && value === 0))
        throw new RangeError(`rate limit ${name} must be a positive number, not ${value}`);
    }
    this.slotMs = 1000 / limits.globalPerSecond + limits.marginMs / limits.globalPerSecond;
    this.chatIntervalMs = 1000 / limits.perChatPerSecond + limits.marginMs;
    this.groupWindowMs = 60_000 + limits.marginMs;
  }

  /**
   * Reserves the earliest moment a message may go to the chat. When that is more than `maxWaitMs`
   * away nothing is reserved and the answer says how long to wait before asking again.
   */
  reserve(chatId: string, maxWaitMs = Number.POSITIVE_INFINITY): Reservation {
    const now = this.clock();
    this.prune(now);
    const chat = this.chats.get(chatId) ?? { nextAtMs: 0, recent: [] };
    let earliest = Math.max(now, chat.nextAtMs, this.pausedUntilMs);
    const perMinute = this.limits.perGroupPerMinute;
    if (isGroupChat(chatId) && chat.recent.length >= perMinute) {
      earliest = Math.max(earliest, chat.recent[chat.recent.length - perMinute]! + this.groupWindowMs);
    }
    const slot = this.freeSlot(Math.ceil(earliest / this.slotMs));
    const atMs = Math.max(earliest, slot * this.slotMs);
    const waitMs = Math.ceil(atMs - now);
    if (waitMs > maxWaitMs) return { ok: false, waitMs };
    this.take(slot);
    chat.nextAtMs = atMs + this.chatIntervalMs;
    if (isGroupChat(chatId)) {
      chat.recent.push(atMs);
      if (chat.recent.length > perMinute) chat.recent.shift();
    }
    this.chats.set(chatId, chat);
    return { ok: true, atMs, waitMs };
  }

  /**
   * The last check, right before sending, on the times messages really left: 0 means go (and the
   * send is recorded), anything else is how long to wait before asking again.
   */
  dispatch(chatId: string): number {
    const now = this.clock();
    const perSecond = this.limits.globalPerSecond;
    const windowMs = 1000 + this.limits.marginMs;
    let wait = 0;
    if (this.sent.length >= perSecond) wait = this.sent[this.sent.length - perSecond]! + windowMs - now;
    const chat = this.sentTo.get(chatId) ?? [];
    const last = chat[chat.length - 1];
    if (last !== undefined) wait = Math.max(wait, last + this.chatIntervalMs - now);
    const perMinute = this.limits.perGroupPerMinute;
    if (isGroupChat(chatId) && chat.length >= perMinute)
      wait = Math.max(wait, chat[chat.length - perMinute]! + this.groupWindowMs - now);
    if (wait > 0) return Math.ceil(wait);
    this.sent.push(now);
    if (this.sent.length > perSecond) this.sent.shift();
    chat.push(now);
    if (chat.length > (isGroupChat(chatId) ? perMinute : 1)) chat.shift();
    this.sentTo.set(chatId, chat);
    return 0;
  }

  /** After a 429: nothing goes to the chat (or, with no chat, anywhere) for `ms`. */
  pause(chatId: string | null, ms: number): void {
    const until = this.clock() + Math.max(0, ms);
    if (chatId === null) {
      this.pausedUntilMs = Math.max(this.pausedUntilMs, until);
      return;
    }
    const chat = this.chats.get(chatId) ?? { nextAtMs: 0, recent: [] };
    chat.nextAtMs = Math.max(chat.nextAtMs, until);
    this.chats.set(chatId, chat);
  }

  private freeSlot(from: number): number {
    let slot = from;
    const path: number[] = [];
    while (this.taken.has(slot)) {
      path.push(slot);
      slot = this.skip.get(slot) ?? slot + 1;
    }
    for (const s of path) this.skip.set(s, slot);
    return slot;
  }

  private take(slot: number): void {
    this.taken.add(slot);
    this.skip.set(slot, slot + 1);
  }

  private prune(now: number): void {
    if (this.taken.size > 4096) {
      const past = Math.floor(now / this.slotMs);
      for (const s of this.taken) {
        if (s < past) {
          this.taken.delete(s);
          this.skip.delete(s);
        }
      }
    }
    if (this.chats.size > 10_000) {
      for (const [id, chat] of this.chats) {
        const last = chat.recent[chat.recent.length - 1] ?? chat.nextAtMs;
        if (chat.nextAtMs <= now && last + this.groupWindowMs <= now) this.chats.delete(id);
      }
    }
    if (this.sentTo.size > 10_000) {
      for (const [id, times] of this.sentTo)
        if (times[times.length - 1]! + this.groupWindowMs <= now) this.sentTo.delete(id);
    }
  }
}
