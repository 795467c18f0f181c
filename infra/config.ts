/**
 * Deploy-time configuration from CDK context (`cdk.json` or `-c herald:<key>=<value>`), validated.
 * Chain endpoints and the bots' names are configuration, not secrets. The settings without a
 * default fail the synth when missing, so a deployed function never finds one unset.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { publicKeyFromHex } from '../bots/discord/interactions/index.js';
import { alertOperators } from './alert-operators.js';
import { CONTEXT_PREFIX, endpoints, integer, type Lookup, requiredTexts, text } from './context-values.js';
import { InfraConfigError } from './errors.js';

export { CONTEXT_PREFIX } from './context-values.js';

export interface HeraldConfig {
  /** Minutes between scheduled snapshots (1-60). */
  snapshotEveryMinutes: number;
  /** Minutes between the alert detector's clock-only checks (1-60): stale data, deadlines. */
  alertCheckEveryMinutes: number;
  assetHubRpc: string[];
  relayRpc: string[];
  /** The People chain, where identities live; none means replies carry no names. */
  peopleRpc: string[];
  /** The Coretime chain (para 1005), for the coretime sale; none means /coretime has no sale to show. */
  coretimeRpc: string[];
  logRetention: RetentionDays;
  /** Where alarm notifications go by e-mail; none when unset. */
  alarmEmail?: string;
  /**
   * Reserved concurrency of each function behind a public Function URL (the Telegram webhook, the
   * Discord interactions endpoint), 1-100: a flood of requests to the URLs is throttled there and
   * cannot take the account's concurrency from the snapshot and the alert engine.
   */
  publicBotConcurrency: number;
  /**
   * Who gets the operators' alerts, as target keys (`platform:kind:id`): [] when set to `none`,
   * undefined when not set (the synth warns that nobody is told).
   */
  alertOperators?: string[];
  /** Required, not secret: the Discord application id (a snowflake). */
  discordApplicationId: string;
  /** Required, not secret: the Telegram bot's username, without "@". */
  telegramBotUsername: string;
  /**
   * Required, not secret: the Discord application's public key (64 hex digits), which checks the
   * signature of every interaction. A setting, so the public endpoint needs no parameter.
   */
  discordPublicKey: string;
}

/** The settings a deployment must give, with what each is and where to find it. */
export const REQUIRED_SETTINGS = {
  discordApplicationId:
    'the Discord application id (Application ID on the General Information page of the Discord developer portal)',
  telegramBotUsername: 'the Telegram bot username, as @BotFather gave it (without the @)',
  discordPublicKey:
    'the Discord public key, 64 hex digits (Public Key on the General Information page of the Discord developer portal)',
} as const;

type RequiredSetting = keyof typeof REQUIRED_SETTINGS;

/** Every other setting's default. */
export const DEFAULT_CONFIG: Omit<HeraldConfig, RequiredSetting> = {
  snapshotEveryMinutes: 5,
  alertCheckEveryMinutes: 15,
  assetHubRpc: ['wss://kusama-asset-hub-rpc.polkadot.io', 'wss://sys.ibp.network/asset-hub-kusama'],
  relayRpc: ['wss://kusama-rpc.polkadot.io', 'wss://rpc.ibp.network/kusama'],
  peopleRpc: ['wss://kusama-people-rpc.polkadot.io', 'wss://sys.ibp.network/people-kusama'],
  coretimeRpc: ['wss://kusama-coretime-rpc.polkadot.io', 'wss://sys.ibp.network/coretime-kusama'],
  logRetention: RetentionDays.ONE_MONTH,
  publicBotConcurrency: 10,
};

function retention(get: Lookup): RetentionDays {
  const days = integer(get, 'logRetentionDays', 1, 3653);
  if (days === undefined) return DEFAULT_CONFIG.logRetention;
  const allowed = Object.values(RetentionDays).filter((v): v is number => typeof v === 'number');
  if (!allowed.includes(days))
    throw new InfraConfigError(`${CONTEXT_PREFIX}logRetentionDays must be one of ${allowed.join(', ')}`);
  return days as RetentionDays;
}

function botNames(get: Lookup): Pick<HeraldConfig, RequiredSetting> {
  const given = requiredTexts(get, REQUIRED_SETTINGS);
  const discordApplicationId = given.discordApplicationId;
  if (!/^\d{17,20}$/.test(discordApplicationId))
    throw new InfraConfigError(`${CONTEXT_PREFIX}discordApplicationId must be a Discord snowflake (digits)`);
  const telegramBotUsername = given.telegramBotUsername.replace(/^@/, '');
  if (!/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(telegramBotUsername))
    throw new InfraConfigError(
      `${CONTEXT_PREFIX}telegramBotUsername "${telegramBotUsername}" is not a bot username`,
    );
  const discordPublicKey = given.discordPublicKey.toLowerCase();
  try {
    // The check the interactions Lambda makes when it starts, made before the deploy instead.
    publicKeyFromHex(discordPublicKey);
  } catch (error) {
    throw new InfraConfigError(`${CONTEXT_PREFIX}discordPublicKey: ${(error as Error).message}`);
  }
  return { discordApplicationId, telegramBotUsername, discordPublicKey };
}

export function configFromContext(get: Lookup): HeraldConfig {
  const assetHubRpc = endpoints(get, 'assetHubRpc', DEFAULT_CONFIG.assetHubRpc);
  if (assetHubRpc.length === 0) throw new InfraConfigError(`${CONTEXT_PREFIX}assetHubRpc lists no endpoint`);
  const alarmEmail = text(get, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(alarmEmail))
    throw new InfraConfigError(`${CONTEXT_PREFIX}alarmEmail "${alarmEmail}" is not an e-mail address`);
  return {
    snapshotEveryMinutes: integer(get, 'snapshotEveryMinutes', 1, 60) ?? DEFAULT_CONFIG.snapshotEveryMinutes,
    alertCheckEveryMinutes:
      integer(get, 'alertCheckEveryMinutes', 1, 60) ?? DEFAULT_CONFIG.alertCheckEveryMinutes,
    assetHubRpc,
    relayRpc: endpoints(get, 'relayRpc', DEFAULT_CONFIG.relayRpc),
    peopleRpc: endpoints(get, 'peopleRpc', DEFAULT_CONFIG.peopleRpc),
    coretimeRpc: endpoints(get, 'coretimeRpc', DEFAULT_CONFIG.coretimeRpc),
    logRetention: retention(get),
    publicBotConcurrency: integer(get, 'publicBotConcurrency', 1, 100) ?? DEFAULT_CONFIG.publicBotConcurrency,
    ...(alarmEmail ? { alarmEmail } : {}),
    ...botNames(get),
    alertOperators: alertOperators(get),
  };
}
