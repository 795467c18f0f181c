/**
 * What the Discord tests run against: the dev chain seeded with the small scenario, one real
 * snapshot in a dynalite table, the interactions route on a real local HTTP server, a fake Discord
 * API for follow-ups, and a test Ed25519 key pair that signs every request like Discord does.
 */
import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import type { InProcessFollowupQueue } from '../../../bots/discord/followup/index.js';
import type { AlertRecordStore } from '../../../core/ports/alert-records.js';
import type { SnapshotReader } from '../../../core/ports/snapshot-reader.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import type { SubscriptionStore } from '../../../core/ports/subscription-store.js';
import type { Scenario } from '../../../dev/scenario/index.js';
import { discordLocalRoute } from '../../../dev/stack/discord-route.js';
import { type LocalHttpServer, startHttpServer } from '../../../dev/stack/http-server.js';
import { createAlertRecordStore } from '../../../lambdas/store/alert-records/index.js';
import type { TestDynamo } from '../../helpers/dynamo.js';
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js';
import { startSnapshotWorld } from '../../helpers/snapshot-world.js';

export const APP_ID = '1300000000000000001';
export const GUILD_ID = '1300000000000000002';
export const CHANNEL_ID = '1300000000000000003';
export const USER_ID = '1300000000000000004';

/** Member permissions: everything but Administrator and Manage Channels; and with Manage Channels. */
export const PLAIN_MEMBER = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n));
export const CHANNEL_MANAGER = String(BigInt(PLAIN_MEMBER) | (1n << 4n));
/** The bot can view, send and embed in the channel. */
export const BOT_CAN_POST = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n));

export interface Signer {
  publicKeyHex: string;
  headers(body: string, timestamp?: string): Record<string, string>;
}

export function testSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = (publicKey.export({ format: 'jwk' }) as { x: string }).x;
  return {
    publicKeyHex: Buffer.from(x, 'base64url').toString('hex'),
    headers: (body, timestamp = String(Math.floor(Date.now() / 1000))) => ({
      'content-type': 'application/json',
      'x-signature-ed25519': signHex(privateKey, timestamp, body),
      'x-signature-timestamp': timestamp,
    }),
  };
}

function signHex(key: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), key).toString('hex');
}

export interface Where {
  place: 'guild' | 'dm';
  permissions?: string;
  appPermissions?: string;
  userId?: string;
}

/** The envelope Discord puts around every interaction, for a guild channel or the DM with the bot. */
export function envelope(type: number, data: Record<string, unknown>, where: Where = { place: 'guild' }) {
  const user = { id: where.userId ?? USER_ID, username: 'tester', discriminator: '0', global_name: 'Tester' };
  const base = {
    id: String(1_300_000_000_000_000_100n + BigInt(randomBytes(2).readUInt16BE())),
    application_id: APP_ID,
    type,
    data,
    token: `aW50ZXJhY3Rpb24-${randomBytes(12).toString('hex')}`,
    version: 1,
    locale: 'en-GB',
    entitlements: [],
    app_permissions: where.appPermissions ?? BOT_CAN_POST,
  };
  if (where.place === 'dm') {
    return {
      ...base,
      context: 1,
      channel_id: '1300000000000000009',
      channel: { id: '1300000000000000009', type: 1 },
      user,
    };
  }
  return {
    ...base,
    context: 0,
    guild_id: GUILD_ID,
    guild_locale: 'en-US',
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'governance' },
    member: {
      user,
      roles: [],
      permissions: where.permissions ?? PLAIN_MEMBER,
      joined_at: '2025-01-01T00:00:00Z',
    },
  };
}

export function slash(name: string, options: unknown[] = [], where?: Where) {
  return envelope(2, { id: '1300000000000000050', name, type: 1, options }, where);
}

export const opt = (name: string, value: unknown, type = 3) => ({ name, type, value });
export const sub = (name: string, options: unknown[] = []) => ({ name, type: 1, options });

export interface Answer {
  status: number;
  body: { type?: number; data?: Record<string, unknown> } & Record<string, unknown>;
}

export interface DiscordHarness {
  scenario: Scenario;
  store: SnapshotStore;
  subscriptions: SubscriptionStore;
  alertRecords: AlertRecordStore;
  dynamo: TestDynamo;
  tableName: string;
  fake: FakeDiscord;
  followups: InProcessFollowupQueue;
  signer: Signer;
  url: string;
  /** What the endpoint logged for the operator (follow-up failures and the like). */
  logs: string[];
  /** POSTs a signed interaction (or raw text with the given headers) and reads the JSON answer. */
  post(payload: unknown, headers?: Record<string, string>, raw?: string): Promise<Answer>;
  /** A second endpoint over the same data whose store reads are slowed by `delayMs`. */
  slowEndpoint(delayMs: number): Promise<{ post: DiscordHarness['post']; followups: InProcessFollowupQueue }>;
  close(): Promise<void>;
}

function slowed(store: SnapshotReader, delayMs: number): SnapshotReader {
  const later = async <T>(read: () => Promise<T>): Promise<T> => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return read();
  };
  return {
    getPointer: () => later(() => store.getPointer()),
    getEntity: (kind, id, options) => later(() => store.getEntity(kind, id, options)),
    getEntities: (kind, ids, options) => later(() => store.getEntities(kind, ids, options)),
    getVersionInfo: (version) => store.getVersionInfo(version),
  };
}

export async function startDiscordHarness(seed = 42): Promise<DiscordHarness> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c();
  };
  try {
    const world = await startSnapshotWorld('discord', seed);
    closers.push(() => world.close());
    const { scenario, store, subscriptions } = world;
    const alertRecords = createAlertRecordStore({ client: world.dynamo.client, tableName: world.tableName });
    const fake = await startFakeDiscord();
    closers.push(() => fake.close());
    const signer = testSigner();
    const logs: string[] = [];

    const serve = async (reader: SnapshotReader, answerBudgetMs?: number) => {
      const local = discordLocalRoute({
        store: reader,
        subscriptions,
        alertRecords,
        publicKeyHex: signer.publicKeyHex,
        apiRoot: fake.api,
        staleAfterMs: 15 * 60_000,
        answerBudgetMs,
        log: (message) => logs.push(message),
      });
      const server: LocalHttpServer = await startHttpServer(0, { 'POST /discord/interactions': local.route });
      closers.push(async () => {
        await local.followups.drain();
        await server.close();
      });
      const post = async (
        payload: unknown,
        headers?: Record<string, string>,
        raw?: string,
      ): Promise<Answer> => {
        const body = raw ?? JSON.stringify(payload);
        const res = await fetch(`${server.url}/discord/interactions`, {
          method: 'POST',
          headers: headers ?? signer.headers(body),
          body,
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : {} };
      };
      return { post, followups: local.followups, url: server.url };
    };
    const main = await serve(store);
    return {
      scenario,
      store,
      subscriptions,
      alertRecords,
      dynamo: world.dynamo,
      tableName: world.tableName,
      fake,
      followups: main.followups,
      signer,
      logs,
      url: main.url,
      post: main.post,
      slowEndpoint: async (delayMs) => {
        const slow = await serve(slowed(store, delayMs), 300);
        return { post: slow.post, followups: slow.followups };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
