import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { configFromContext, DEFAULT_CONFIG } from '../../infra/config.js';
import { InfraConfigError } from '../../infra/errors.js';
import { TEST_SETTINGS } from './fixtures/settings.js';
import { buildTestApp } from './synth.js';

const from = (values: Record<string, unknown>) => configFromContext((key) => values[key]);
/** With the settings a deployment must give. */
const given = (values: Record<string, unknown>) => from({ ...TEST_SETTINGS, ...values });

describe('configFromContext', () => {
  it('defaults to a 5-minute schedule, public Kusama endpoints and a month of logs', () => {
    expect(given({})).toEqual({
      ...DEFAULT_CONFIG,
      discordApplicationId: TEST_SETTINGS['herald:discordApplicationId'],
      telegramBotUsername: TEST_SETTINGS['herald:telegramBotUsername'],
      discordPublicKey: TEST_SETTINGS['herald:discordPublicKey'],
      alertOperators: [TEST_SETTINGS['herald:alertOperators']],
    });
    expect(DEFAULT_CONFIG.snapshotEveryMinutes).toBe(5);
    expect(DEFAULT_CONFIG.alertCheckEveryMinutes).toBe(15);
    expect(DEFAULT_CONFIG.assetHubRpc.every((u) => u.startsWith('wss://'))).toBe(true);
  });

  it('reads numbers given as strings on the command line or as numbers in cdk.json', () => {
    expect(given({ 'herald:snapshotEveryMinutes': '15' }).snapshotEveryMinutes).toBe(15);
    expect(given({ 'herald:snapshotEveryMinutes': 10 }).snapshotEveryMinutes).toBe(10);
    expect(given({ 'herald:logRetentionDays': '14' }).logRetention).toBe(RetentionDays.TWO_WEEKS);
    expect(given({ 'herald:alertCheckEveryMinutes': '30' }).alertCheckEveryMinutes).toBe(30);
    expect(given({ 'herald:alertCheckEveryMinutes': 1 }).alertCheckEveryMinutes).toBe(1);
    expect(given({}).publicBotConcurrency).toBe(10);
    expect(given({ 'herald:publicBotConcurrency': '25' }).publicBotConcurrency).toBe(25);
  });

  it('reads endpoints, the alarm e-mail and the bot names', () => {
    const config = given({
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
    [
      { 'herald:publicBotConcurrency': '0' },
      /publicBotConcurrency must be a whole number from 1 to 100, got "0"/,
    ],
    [{ 'herald:discordPublicKey': 'ab12' }, /discordPublicKey: The Discord public key must be 64 hex digits/],
  ])('rejects %j with a clear message', (values, message) => {
    expect(() => given(values)).toThrow(InfraConfigError);
    expect(() => given(values)).toThrow(message);
  });
});

describe('the settings a deployment must give', () => {
  const without = (...keys: string[]) =>
    Object.fromEntries(Object.entries(TEST_SETTINGS).filter(([key]) => !keys.includes(key)));

  it.each([
    ['herald:discordApplicationId', /General Information/],
    ['herald:telegramBotUsername', /@BotFather/],
    ['herald:discordPublicKey', /Public Key on the General Information page/],
  ])('refuse to go on without %s, saying what it is and how to set it', (key, what) => {
    const missing = () => from(without(key));
    expect(missing).toThrow(InfraConfigError);
    expect(missing).toThrow(`${key} is not set`);
    expect(missing).toThrow(what);
    expect(missing).toThrow(`-c ${key}=`);
    expect(missing).toThrow(`"${key}": "…" to the "context" of cdk.json`);
  });

  it('take the Discord public key in either case, as the portal shows it', () => {
    const key = TEST_SETTINGS['herald:discordPublicKey'];
    expect(given({ 'herald:discordPublicKey': ` ${key.toUpperCase()} ` }).discordPublicKey).toBe(key);
  });

  it('name every missing one at once, so one run says all there is to set', () => {
    expect(() => from({})).toThrow(
      /herald:discordApplicationId is not set[\s\S]*herald:telegramBotUsername is not set/,
    );
  });

  it('fail the synth before anything is bundled', () => {
    expect(() => buildTestApp({ 'herald:telegramBotUsername': null })).toThrow(
      /herald:telegramBotUsername is not set/,
    );
    expect(() => buildTestApp({ 'herald:discordApplicationId': '' })).toThrow(
      /herald:discordApplicationId is not set/,
    );
  });
});
