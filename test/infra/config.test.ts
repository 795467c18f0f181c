import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { configFromContext, DEFAULT_CONFIG } from '../../infra/config.js';
import { InfraConfigError } from '../../infra/errors.js';

const from = (values: Record<string, unknown>) => configFromContext((key) => values[key]);

describe('configFromContext', () => {
  it('defaults to a 5-minute schedule, public Kusama endpoints and a month of logs', () => {
    expect(from({})).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.snapshotEveryMinutes).toBe(5);
    expect(DEFAULT_CONFIG.alertCheckEveryMinutes).toBe(15);
    expect(DEFAULT_CONFIG.assetHubRpc.every((u) => u.startsWith('wss://'))).toBe(true);
  });

  it('reads numbers given as strings on the command line or as numbers in cdk.json', () => {
    expect(from({ 'herald:snapshotEveryMinutes': '15' }).snapshotEveryMinutes).toBe(15);
    expect(from({ 'herald:snapshotEveryMinutes': 10 }).snapshotEveryMinutes).toBe(10);
    expect(from({ 'herald:logRetentionDays': '14' }).logRetention).toBe(RetentionDays.TWO_WEEKS);
    expect(from({ 'herald:alertCheckEveryMinutes': '30' }).alertCheckEveryMinutes).toBe(30);
    expect(from({ 'herald:alertCheckEveryMinutes': 1 }).alertCheckEveryMinutes).toBe(1);
  });

  it('reads endpoints, the alarm e-mail and the bot names', () => {
    const config = from({
      'herald:assetHubRpc': 'wss://one.example, wss://two.example',
      'herald:relayRpc': 'wss://relay.example',
      'herald:alarmEmail': 'ops@example.org',
      'herald:discordApplicationId': '123456789012345678',
      'herald:telegramBotUsername': '@herald_ksm_bot',
    });
    expect(config.assetHubRpc).toEqual(['wss://one.example', 'wss://two.example']);
    expect(config.relayRpc).toEqual(['wss://relay.example']);
    expect(config.alarmEmail).toBe('ops@example.org');
    expect(config.discordApplicationId).toBe('123456789012345678');
    expect(config.telegramBotUsername).toBe('herald_ksm_bot');
  });

  it.each([
    [
      { 'herald:snapshotEveryMinutes': '0' },
      /snapshotEveryMinutes must be a whole number from 1 to 60, got "0"/,
    ],
    [{ 'herald:snapshotEveryMinutes': '2.5' }, /snapshotEveryMinutes must be a whole number/],
    [{ 'herald:snapshotEveryMinutes': 'often' }, /snapshotEveryMinutes must be a whole number/],
    [{ 'herald:snapshotEveryMinutes': { every: 5 } }, /snapshotEveryMinutes must be a string/],
    [
      { 'herald:alertCheckEveryMinutes': '61' },
      /alertCheckEveryMinutes must be a whole number from 1 to 60, got "61"/,
    ],
    [{ 'herald:logRetentionDays': '8' }, /logRetentionDays must be one of 1, 3, 5, 7, 14/],
    [{ 'herald:assetHubRpc': 'http://x.example' }, /herald:assetHubRpc: "http:\/\/x.example" is not a ws/],
    [{ 'herald:assetHubRpc': ' , ' }, /assetHubRpc lists no endpoint/],
    [{ 'herald:alarmEmail': 'not-an-address' }, /alarmEmail "not-an-address" is not an e-mail address/],
    [{ 'herald:discordApplicationId': 'herald' }, /discordApplicationId must be a Discord snowflake/],
    [{ 'herald:telegramBotUsername': 'a b' }, /telegramBotUsername "a b" is not a bot username/],
  ])('rejects %j with a clear message', (values, message) => {
    expect(() => from(values)).toThrow(InfraConfigError);
    expect(() => from(values)).toThrow(message);
  });
});
