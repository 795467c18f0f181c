/**
 * Reserved concurrency: the public Function URLs cannot take the account's Lambda concurrency
 * (a flood of unsigned requests is cheap to send), and the snapshot and the dispatcher keep their own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_SIZING } from '../../infra/sizing.js';
import { synthHerald, type TestApp } from './synth.js';
import { functionId, functionProps, resources, SERVICES } from './template-queries.js';

let herald: TestApp;

beforeAll(() => {
  herald = synthHerald();
});

const reserved = (app: TestApp, service: string): number | undefined =>
  functionProps(app.template, service).ReservedConcurrentExecutions;

describe('reserved concurrency', () => {
  it('caps each function behind a public URL at herald:publicBotConcurrency, 10 by default', () => {
    const urlTargets = Object.values(resources(herald.template, 'AWS::Lambda::Url')).map(
      (u) => u.Properties.TargetFunctionArn['Fn::GetAtt'][0],
    );
    expect(urlTargets.sort()).toEqual(
      [SERVICES.telegram, SERVICES.interactions].map((s) => functionId(herald.template, s)).sort(),
    );
    expect(reserved(herald, SERVICES.telegram)).toBe(10);
    expect(reserved(herald, SERVICES.interactions)).toBe(10);
  });

  it('follows herald:publicBotConcurrency', () => {
    const five = synthHerald({ 'herald:publicBotConcurrency': '5' });
    expect(reserved(five, SERVICES.telegram)).toBe(5);
    expect(reserved(five, SERVICES.interactions)).toBe(5);
  });

  it('keeps concurrency for the snapshot and the dispatcher, whatever the public URLs receive', () => {
    expect(reserved(herald, SERVICES.snapshot)).toBe(SNAPSHOT_SIZING.reservedConcurrency);
    // A run and one overlapping it, as a slow run and the next schedule may.
    expect(SNAPSHOT_SIZING.reservedConcurrency).toBe(2);
    // As many dispatchers as their queue runs at once.
    const mapping = Object.values(resources(herald.template, 'AWS::Lambda::EventSourceMapping')).find(
      (m) => m.Properties.FunctionName.Ref === functionId(herald.template, SERVICES.dispatcher),
    );
    expect(reserved(herald, SERVICES.dispatcher)).toBe(mapping?.Properties.ScalingConfig.MaximumConcurrency);
  });

  it('leaves the detector and the follow-up on the account pool the caps protect, reserving 24 in all', () => {
    expect(reserved(herald, SERVICES.detector)).toBeUndefined();
    expect(reserved(herald, SERVICES.followup)).toBeUndefined();
    const total = Object.values(SERVICES).reduce((sum, s) => sum + (reserved(herald, s) ?? 0), 0);
    // What README, Deploy to AWS, tells the operator the account must have beyond Lambda's 100 unreserved.
    expect(total).toBe(24);
  });
});
