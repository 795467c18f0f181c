/**
 * Parachains, coretime and crowdloan refunds as the snapshot stored them, for the parachains and
 * crowdloans sources: the `parachains/current` entity at the version and at the base (one item
 * each, read every run: relay time reaching a renewal deadline or a stall time changes no entity),
 * and the `crowdloan/<address>` entities of the watched addresses at the version (relay time makes
 * their entries withdrawable, so they are read whether they changed or not). When the version has a
 * parachains entity, the coretime and para settings summaries say what to look for (price levels,
 * stall times); their subscribers are read only while a summary cannot be trusted.
 */
import type { ParachainsData } from '../../core/alerts/detect.js';
import { parachainWatch } from '../../core/alerts/detect-parachains.js';
import type { SubscriberRef } from '../../core/alerts/matching.js';
import type { SnapshotReader } from '../../core/ports/snapshot-reader.js';
import type { SubscriptionStore, WatchedSettings } from '../../core/ports/subscription-store.js';
import {
  type CrowdloanAccount,
  ENTITY,
  PARACHAINS_ID,
  type ParachainsEntity,
} from '../../core/snapshot/entities.js';
import type { KindReach } from './resolve-subscribers.js';
import type { VersionRange } from './version-range.js';

export interface StoredParachains {
  data: ParachainsData;
  /** The coretime and para subscribers read because their summary could not be trusted. */
  subscribers: SubscriberRef[];
  /** How the coretime and para subscribers are reached (none without a parachains entity). */
  reach: { coretime?: KindReach; para?: KindReach };
  /** Summaries that were missing or being rebuilt. */
  warnings: string[];
}

export async function readParachains(
  store: SnapshotReader,
  subscriptions: Pick<SubscriptionStore, 'watchedSettings'>,
  range: Pick<VersionRange, 'at' | 'basePointer'>,
  relayBlocks: { at: number; base: number | null },
  watched: readonly string[],
): Promise<StoredParachains | undefined> {
  const entityAt = (pointer: VersionRange['at']) =>
    store.getEntity<ParachainsEntity>(ENTITY.parachains, PARACHAINS_ID, { pointer });
  const [after, before, accounts] = await Promise.all([
    entityAt(range.at),
    range.basePointer && relayBlocks.base !== null ? entityAt(range.basePointer) : undefined,
    watched.length > 0
      ? store.getEntities<CrowdloanAccount>(ENTITY.crowdloan, watched, { pointer: range.at })
      : new Map<string, CrowdloanAccount>(),
  ]);
  if (!after && accounts.size === 0) return undefined;
  const [coretime, para] = after
    ? await Promise.all([subscriptions.watchedSettings('coretime'), subscriptions.watchedSettings('para')])
    : [];
  const read = [coretime, para].filter((w): w is WatchedSettings => w !== undefined);
  const refs = read.flatMap((w) => (w.subscribers ?? []) as SubscriberRef[]);
  const data: ParachainsData = { watch: parachainWatch(read.flatMap((w) => w.specs)) };
  const reachOf = (w: WatchedSettings | undefined): KindReach | undefined =>
    w && { preloaded: w.subscribers !== undefined, changedAtMs: w.changedAtMs };
  if (after)
    data.parachains = {
      after,
      before:
        before && relayBlocks.base !== null ? { entity: before, relayBlock: relayBlocks.base } : undefined,
    };
  if (accounts.size > 0)
    data.crowdloans = { accounts: [...accounts.values()], beforeRelayBlock: relayBlocks.base };
  return {
    data,
    subscribers: refs,
    reach: { coretime: reachOf(coretime), para: reachOf(para) },
    warnings: read.flatMap((w) => (w.warning ? [w.warning] : [])),
  };
}
