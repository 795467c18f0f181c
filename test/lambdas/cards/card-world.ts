/**
 * The card test bench: a dynalite table with a snapshot store, the subscriptions and the card
 * records (one injected clock), versions of a small referenda state committed through the real
 * store, the fake Telegram and Discord servers, and the real card messengers talking to them.
 */
import { Telegram } from 'telegraf';
import { createDiscordCardMessenger } from '../../../bots/discord/delivery/index.js';
import { createDiscordRest } from '../../../bots/discord/rest.js';
import { createTelegramCardMessenger } from '../../../bots/telegram/card-messenger.js';
import { TELEGRAM_LIMITS, TelegramRateLimiter } from '../../../bots/telegram/rate-limiter.js';
import type { CardStore } from '../../../core/ports/card-store.js';
import type { DeliveryTarget, Platform } from '../../../core/ports/notifier.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import { ENTITY, type ReferendaIndex, type ReferendumEntity } from '../../../core/snapshot/entities.js';
import type { SubscriptionSpec } from '../../../core/subscriptions/subscription-model.js';
import type { EndedReferendum, OngoingReferendum, ReferendumInfo } from '../../../core/types/governance.js';
import { type CardJobDeps, type CardRunSummary, runCardJob } from '../../../lambdas/cards/index.js';
import { createCardStore } from '../../../lambdas/store/cards/index.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { createSubscriptionStore } from '../../../lambdas/store/subscriptions/index.js';
import { kusamaTrack } from '../../fixtures/kusama-tracks.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js';
import { type FakeTelegram, startFakeTelegram } from '../../helpers/fake-telegram.js';

export const KSM = 10n ** 12n;
const ISSUANCE = 15_000_000n * KSM;
export const RELAY = 30_500_000;
const T0 = Date.UTC(2026, 6, 20, 12, 0, 0);
const deposit = { who: 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F', amount: KSM };

export const TARGETS: Record<Platform, DeliveryTarget> = {
  telegram: { platform: 'telegram', kind: 'chat', id: '-1001234567' },
  discord: { platform: 'discord', kind: 'channel', id: '123456789012345678' },
};

/** A deciding Small Spender referendum, 1 day in. */
export function ongoing(id: number, overrides: Partial<OngoingReferendum> = {}): OngoingReferendum {
  return {
    status: 'ongoing',
    id,
    track: 32,
    origin: 'Origins.SmallSpender',
    proposal: { kind: 'Lookup', hash: '0x01', len: 40 },
    enactment: { kind: 'After', blocks: 100 },
    submitted: RELAY - 20_000,
    submissionDeposit: deposit,
    decisionDeposit: deposit,
    deciding: { since: RELAY - 14_400, confirming: null },
    tally: { ayes: 1_000n * KSM, nays: 3_000n * KSM, support: 500n * KSM },
    inQueue: false,
    alarm: null,
    ...overrides,
  };
}

export function ended(id: number, status: EndedReferendum['status'], block: number): EndedReferendum {
  return { status, id, block, submissionDeposit: deposit, decisionDeposit: deposit };
}

export interface CardWorld {
  dynamo: TestDynamo;
  tableName: string;
  telegram: FakeTelegram;
  discord: FakeDiscord;
  store: SnapshotStore;
  subscriptions: SubscriptionStore;
  cards: CardStore;
  clock: { ms: number };
  /** Commits a version holding these referenda, `blocks` relay blocks after the last one. */
  commit(referenda: ReferendumInfo[], blocks?: number): Promise<number>;
  subscribe(platform: Platform, spec: SubscriptionSpec): Promise<void>;
  deps(platform: Platform, overrides?: Partial<CardJobDeps>): CardJobDeps;
  run(platform: Platform, overrides?: Partial<CardJobDeps>): Promise<CardRunSummary>;
  close(): Promise<void>;
}

export async function startCardWorld(label: string): Promise<CardWorld> {
  const dynamo = await startTestDynamo();
  const telegram = await startFakeTelegram();
  const discord = await startFakeDiscord();
  const tableName = await dynamo.newTable(label);
  const clock = { ms: T0 };
  const now = () => clock.ms;
  const store = createDynamoStore({ client: dynamo.client, tableName, now });
  const subscriptions = createSubscriptionStore({ client: dynamo.client, tableName, now });
  const cards = createCardStore({ client: dynamo.client, tableName, now });
  let relay = RELAY;
  const tracks = [kusamaTrack(32), kusamaTrack(33)];

  const commit = async (referenda: ReferendumInfo[], blocks = 50) => {
    relay += blocks;
    clock.ms += blocks * 6_000;
    const ongoingOnes = referenda.filter((r): r is OngoingReferendum => r.status === 'ongoing');
    const index: ReferendaIndex = {
      referendumCount: Math.max(0, ...referenda.map((r) => r.id + 1)),
      ongoing: ongoingOnes.map((r) => ({ id: r.id, track: r.track, proposal: null, info: r })),
      recentlyEnded: referenda
        .filter((r): r is EndedReferendum => r.status !== 'ongoing')
        .map((r) => ({ id: r.id, status: r.status, block: r.block })),
    };
    const deciding = ongoingOnes.filter((r) => r.deciding !== null).length;
    const entities = [
      {
        kind: ENTITY.status,
        id: 'current',
        data: {
          anchor: {
            blockHash: `0x${'11'.repeat(32)}`,
            blockNumber: 11_000_000 + relay - RELAY,
            relayBlock: relay,
            timestampMs: clock.ms,
            specVersion: 2_003_000,
            genesisHash: `0x${'22'.repeat(32)}`,
          },
          issuance: { total: ISSUANCE, inactive: 0n },
          activeEra: 9_000,
          counts: { validators: 0, nominators: 0, poolMembers: 0, referenda: referenda.length, accounts: 0 },
          warnings: [],
        },
      },
      { kind: ENTITY.tracks, id: 'all', data: tracks },
      { kind: ENTITY.index, id: 'referenda', data: index },
      ...referenda.map((info) => ({
        kind: ENTITY.referendum,
        id: String(info.id),
        data: {
          info,
          proposal: null,
          trackDecidingCount: deciding,
          queuePosition: null,
        } satisfies ReferendumEntity,
      })),
    ];
    const result = await store.writeVersion({ relayBlock: relay, blockNumber: 11_000_000 }, entities);
    clock.ms += 1_000;
    return result.version;
  };

  const telegramLimiter = () =>
    new TelegramRateLimiter({
      ...TELEGRAM_LIMITS,
      perChatPerSecond: 1_000,
      perGroupPerMinute: 1_000,
      marginMs: 0,
    });
  const deps = (platform: Platform, overrides: Partial<CardJobDeps> = {}): CardJobDeps => ({
    reader: store,
    subscriptions,
    cards,
    messengers:
      platform === 'telegram'
        ? {
            telegram: createTelegramCardMessenger({
              telegram: new Telegram(telegram.token, { apiRoot: telegram.apiRoot }),
              limiter: telegramLimiter(),
            }),
          }
        : {
            discord: createDiscordCardMessenger({
              rest: createDiscordRest({ token: 'test-token', api: discord.api, retries: 0 }),
            }),
          },
    renderChart: null,
    now,
    leaseMs: 60_000,
    staleAfterMs: 365 * 24 * 3_600_000,
    ...overrides,
  });

  return {
    dynamo,
    tableName,
    telegram,
    discord,
    store,
    subscriptions,
    cards,
    clock,
    commit,
    subscribe: async (platform, spec) => {
      await subscriptions.subscribe({ ...TARGETS[platform], createdBy: '42' }, spec);
    },
    deps,
    run: (platform, overrides) => runCardJob(deps(platform, overrides)),
    close: async () => {
      await telegram.close();
      await discord.close();
      await dynamo.close();
    },
  };
}
