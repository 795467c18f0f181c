/**
 * Deploy-time configuration from CDK context (`cdk.json` or `-c herald:<key>=<value>`), validated.
 * Chain endpoints are configuration, not secrets.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { parseEndpointList } from '../lambdas/config/endpoints.js';
import { InfraConfigError } from './errors.js';

export interface HeraldConfig {
  /** Minutes between scheduled snapshots (1-60). */
  snapshotEveryMinutes: number;
  /** Minutes between the alert detector's clock-only checks (1-60): stale data, deadlines. */
  alertCheckEveryMinutes: number;
  assetHubRpc: string[];
  relayRpc: string[];
  logRetention: RetentionDays;
  /** Where alarm notifications go by e-mail; none when unset. */
  alarmEmail?: string;
  /** Not secret: the Discord application id and the Telegram bot username. */
  discordApplicationId?: string;
  telegramBotUsername?: string;
}

export const DEFAULT_CONFIG: HeraldConfig = {
  snapshotEveryMinutes: 5,
  alertCheckEveryMinutes: 15,
  assetHubRpc: ['wss://kusama-asset-hub-rpc.polkadot.io', 'wss://sys.ibp.network/asset-hub-kusama'],
  relayRpc: ['wss://kusama-rpc.polkadot.io', 'wss://rpc.ibp.network/kusama'],
  logRetention: RetentionDays.ONE_MONTH,
};

export const CONTEXT_PREFIX = 'herald:';

type Lookup = (key: string) => unknown;

function text(get: Lookup, key: string): string | undefined {
  const value = get(CONTEXT_PREFIX + key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new InfraConfigError(`${CONTEXT_PREFIX}${key} must be a string, got ${JSON.stringify(value)}`);
  return String(value).trim();
}

function integer(get: Lookup, key: string, min: number, max: number): number | undefined {
  const raw = text(get, key);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InfraConfigError(
      `${CONTEXT_PREFIX}${key} must be a whole number from ${min} to ${max}, got "${raw}"`,
    );
  return n;
}

function endpoints(get: Lookup, key: string, fallback: string[]): string[] {
  const raw = text(get, key);
  if (raw === undefined) return fallback;
  try {
    return parseEndpointList(raw, CONTEXT_PREFIX + key);
  } catch (error) {
    throw new InfraConfigError((error as Error).message);
  }
}

function retention(get: Lookup): RetentionDays {
  const days = integer(get, 'logRetentionDays', 1, 3653);
  if (days === undefined) return DEFAULT_CONFIG.logRetention;
  const allowed = Object.values(RetentionDays).filter((v): v is number => typeof v === 'number');
  if (!allowed.includes(days))
    throw new InfraConfigError(`${CONTEXT_PREFIX}logRetentionDays must be one of ${allowed.join(', ')}`);
  return days as RetentionDays;
}

export function configFromContext(get: Lookup): HeraldConfig {
  const assetHubRpc = endpoints(get, 'assetHubRpc', DEFAULT_CONFIG.assetHubRpc);
  if (assetHubRpc.length === 0) throw new InfraConfigError(`${CONTEXT_PREFIX}assetHubRpc lists no endpoint`);
  const alarmEmail = text(get, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alarmEmail))
    throw new InfraConfigError(`${CONTEXT_PREFIX}alarmEmail "${alarmEmail}" is not an e-mail address`);
  const discordApplicationId = text(get, 'discordApplicationId');
  if (discordApplicationId !== undefined && !/^\d{17,20}$/.test(discordApplicationId))
    throw new InfraConfigError(`${CONTEXT_PREFIX}discordApplicationId must be a Discord snowflake (digits)`);
  const telegramBotUsername = text(get, 'telegramBotUsername')?.replace(/^@/, '');
  if (telegramBotUsername !== undefined && !/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(telegramBotUsername))
    throw new InfraConfigError(
      `${CONTEXT_PREFIX}telegramBotUsername "${telegramBotUsername}" is not a bot username`,
    );
  return {
    snapshotEveryMinutes: integer(get, 'snapshotEveryMinutes', 1, 60) ?? DEFAULT_CONFIG.snapshotEveryMinutes,
    alertCheckEveryMinutes:
      integer(get, 'alertCheckEveryMinutes', 1, 60) ?? DEFAULT_CONFIG.alertCheckEveryMinutes,
    assetHubRpc,
    relayRpc: endpoints(get, 'relayRpc', DEFAULT_CONFIG.relayRpc),
    logRetention: retention(get),
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(discordApplicationId ? { discordApplicationId } : {}),
    ...(telegramBotUsername ? { telegramBotUsername } : {}),
  };
}
