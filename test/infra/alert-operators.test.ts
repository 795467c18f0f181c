/**
 * The operators' alerts (stale data, a chain endpoint failing over) go to the targets of
 * herald:alertOperators, which the stack hands to the alert detector as HERALD_ALERT_OPERATORS. Left
 * unset, the synth warns that nobody gets them; `none` says so on purpose.
 */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../core/config/env-names.js';
import { configFromContext } from '../../infra/config.js';
import { InfraConfigError } from '../../infra/errors.js';
import { operatorTargetsFrom } from '../../lambdas/alerts/config.js';
import { TEST_SETTINGS } from './fixtures/settings.js';
import { synthHerald, type TestApp } from './synth.js';
import { env, SERVICES } from './template-queries.js';

const OPERATORS = 'telegram:chat:-1001234567890, discord:channel:123456789012345678';

const from = (values: Record<string, unknown>) =>
  configFromContext((key) => ({ ...TEST_SETTINGS, ...values })[key]);

const operatorWarnings = (app: TestApp) =>
  Annotations.fromStack(app.stack).findWarning('*', Match.stringLikeRegexp('herald:alertOperators'));

/** The functions whose environment names operator targets. */
const withOperators = (app: TestApp) =>
  Object.values(SERVICES).filter((s) => env(app.template, s)[ENV.alertOperatorTargets] !== undefined);

let listed: TestApp;

beforeAll(() => {
  // The first synth of a file bundles the real snapshot handler: in the hook, with its longer timeout.
  listed = synthHerald({ 'herald:alertOperators': OPERATORS });
});

describe('herald:alertOperators', () => {
  it('reaches the alert detector, the one function that reads it, as the targets it parses', () => {
    const app = listed;
    expect(withOperators(app)).toEqual([SERVICES.detector]);
    const value = env(app.template, SERVICES.detector)[ENV.alertOperatorTargets] as string;
    expect(value).toBe('telegram:chat:-1001234567890,discord:channel:123456789012345678');
    expect(operatorTargetsFrom(value)).toEqual([
      { platform: 'telegram', kind: 'chat', id: '-1001234567890' },
      { platform: 'discord', kind: 'channel', id: '123456789012345678' },
    ]);
    expect(operatorWarnings(app)).toEqual([]);
  });

  it('left unset, warns at synth that nobody gets the operators’ alerts, and how to set it', () => {
    const app = synthHerald({ 'herald:alertOperators': null });
    expect(withOperators(app)).toEqual([]);
    const warnings = operatorWarnings(app);
    expect(warnings).toHaveLength(1);
    const text = JSON.stringify(warnings[0]!.entry.data);
    expect(text).toContain('herald:alertOperators is not set');
    expect(text).toContain('nobody');
    expect(text).toContain('platform:kind:id');
    expect(text).toContain('none');
  });

  it('set to none, sends them to nobody on purpose, without a warning', () => {
    const app = synthHerald({ 'herald:alertOperators': 'none' });
    expect(withOperators(app)).toEqual([]);
    expect(operatorWarnings(app)).toEqual([]);
    expect(from({ 'herald:alertOperators': 'None' }).alertOperators).toEqual([]);
  });

  it('refuses at synth what the detector would refuse when it starts', () => {
    for (const bad of ['telegram:chat', 'slack:channel:1', 'discord:chat:1', 'telegram:chat:-100,,x'])
      expect(() => operatorTargetsFrom(bad), bad).toThrow();
    for (const bad of ['telegram:chat', 'slack:channel:1', 'discord:chat:1', 'telegram:chat:-100,,x']) {
      const read = () => from({ 'herald:alertOperators': bad });
      expect(read, bad).toThrow(InfraConfigError);
      expect(read, bad).toThrow(/herald:alertOperators/);
    }
  });
});
