/**
 * The bot's membership in chats: removed from a group or blocked by a user → that target's
 * subscriptions are disabled with the reason; added back → enabled again. A group upgraded to a
 * supergroup gets a new id: its subscriptions and alert settings move there and the old id is disabled.
 */

import type { DeliveryTarget } from '../../core/ports/notifier.js';
import type { SubscriptionStore } from '../../core/ports/subscription-store.js';
import { targetKey } from '../../core/subscriptions/subscription-model.js';
import type { ChatAlertRecords } from '../commands/context.js';
import { type ChatRef, chatTarget } from './chat.js';

const GONE = new Set(['kicked', 'left']);
const PRESENT = new Set(['member', 'administrator', 'creator', 'restricted']);

export interface MembershipChange {
  chat: ChatRef;
  fromId: number;
  oldStatus: string;
  newStatus: string;
}

export type MembershipOutcome = 'disabled' | 'enabled' | 'unchanged';

export async function applyMembership(
  subscriptions: SubscriptionStore,
  change: MembershipChange,
): Promise<MembershipOutcome> {
  const target = chatTarget(change.chat, change.fromId);
  if (GONE.has(change.newStatus) && !GONE.has(change.oldStatus)) {
    const reason =
      change.chat.type === 'private'
        ? 'the user blocked the bot'
        : `the bot was removed from the ${change.chat.type} (status ${change.newStatus}) by user ${change.fromId}`;
    return (await subscriptions.disableTarget(target, reason)) ? 'disabled' : 'unchanged';
  }
  if (PRESENT.has(change.newStatus) && GONE.has(change.oldStatus))
    return (await subscriptions.enableTarget(target)) ? 'enabled' : 'unchanged';
  return 'unchanged';
}

/** Copies a group's subscriptions to its new supergroup id and disables the old id; returns how many moved. */
export async function migrateChat(
  subscriptions: SubscriptionStore,
  from: ChatRef,
  toId: number,
  alertRecords: ChatAlertRecords | null = null,
): Promise<number> {
  const old = chatTarget(from, undefined);
  if (alertRecords)
    await moveSettings(alertRecords, old, chatTarget({ id: toId, type: 'supergroup' }, undefined));
  const existing = await subscriptions.listSubscriptions(old);
  if (!existing || existing.subscriptions.length === 0) return 0;
  const target = {
    ...chatTarget({ id: toId, type: 'supergroup' }, undefined),
    createdBy: existing.target.createdBy,
  };
  let moved = 0;
  for (const s of existing.subscriptions) {
    const result = await subscriptions.subscribe({ ...target, createdBy: s.createdBy }, s.spec);
    if (result.outcome !== 'limit-reached') moved++;
  }
  await subscriptions.disableTarget(
    old,
    `the group became supergroup ${toId}; its subscriptions moved there`,
  );
  return moved;
}

/** Copies the old chat's alert settings (quiet hours, muted kinds) to the new id; the old ones stay, unused. */
async function moveSettings(
  records: ChatAlertRecords,
  from: DeliveryTarget,
  to: DeliveryTarget,
): Promise<void> {
  const settings = (await records.getSettings([from])).get(targetKey(from));
  for (const [key, value] of settings ?? []) await records.putSettings(to, key, value);
}
