import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV, SUBSQUARE_KUSAMA_API } from '../../core/config/env-names.js';
import { CHART_ASSETS_DIR } from '../../infra/bundling/bundle.js';
import { SNAPSHOT_SIZING } from '../../infra/sizing.js';
import { TABLE_SCHEMA } from '../../lambdas/store/table/index.js';
import { buildTestApp, FIXTURES, synthHerald, type TestApp } from './synth.js';
import {
  env,
  failedInvocationsQueue,
  functionId,
  functionProps,
  resources,
  SERVICES,
} from './template-queries.js';

let herald: TestApp;

beforeAll(() => {
  herald = synthHerald();
});

const failedInvocations = (t: TestApp['template']) => failedInvocationsQueue(t);

describe('the table', () => {
  it('is built from TABLE_SCHEMA: on demand, PITR, TTL, retained', () => {
    const tables = Object.values(resources(herald.template, 'AWS::DynamoDB::Table'));
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TABLE_SCHEMA.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE_SCHEMA.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: TABLE_SCHEMA.ttlAttribute,
      Enabled: true,
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('the snapshot schedule', () => {
  it('invokes the snapshot Lambda every 5 minutes by default, with a dead-letter queue and no retries', () => {
    const snapshotId = functionId(herald.template, SERVICES.snapshot);
    const dlqId = failedInvocations(herald.template);
    herald.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [snapshotId, 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 0 },
      },
    });
    herald.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: snapshotId },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 300,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlqId, 'Arn'] } } },
    });
  });

  it('follows herald:snapshotEveryMinutes, and the stale window with it', () => {
    const ten = synthHerald({ 'herald:snapshotEveryMinutes': '10' });
    ten.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(10 minutes)',
    });
    ten.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      TreatMissingData: 'breaching',
      MetricName: 'Invocations',
      Period: 1800,
    });
    expect(env(ten.template, SERVICES.telegram)[ENV.staleAfterSeconds]).toBe('1800');
  });
});

describe('the alert check schedule', () => {
  const alertDeadLetters = failedInvocations;
  const checkOf = (t: TestApp['template']) => {
    const detectorId = functionId(t, SERVICES.detector);
    return Object.values(resources(t, 'AWS::Scheduler::Schedule')).filter(
      (s) => s.Properties.Target.Arn['Fn::GetAtt'][0] === detectorId,
    );
  };

  it('invokes the detector with an empty event every 15 minutes, dead-lettering with alert detection', () => {
    const schedules = checkOf(herald.template);
    expect(schedules).toHaveLength(1);
    const p = schedules[0]!.Properties;
    expect(p.ScheduleExpression).toBe('rate(15 minutes)');
    expect(p.State).toBe('ENABLED');
    // No SQS records: the handler's clock-only path.
    expect(JSON.parse(p.Target.Input)).toEqual({});
    expect(p.Target.DeadLetterConfig.Arn['Fn::GetAtt'][0]).toBe(alertDeadLetters(herald.template));
    expect(p.Target.RetryPolicy).toEqual({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 900 });
    // A detection that fails is retried twice, then lands in the same queue; after 15 minutes the
    // scheduled check has caught the version up itself.
    const detectorId = functionId(herald.template, SERVICES.detector);
    herald.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: detectorId },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 900,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [alertDeadLetters(herald.template), 'Arn'] } },
      },
    });
  });

  it('follows herald:alertCheckEveryMinutes', () => {
    const five = synthHerald({ 'herald:alertCheckEveryMinutes': '5' });
    const [schedule] = checkOf(five.template);
    expect(schedule?.Properties.ScheduleExpression).toBe('rate(5 minutes)');
    expect(schedule?.Properties.Target.RetryPolicy.MaximumEventAgeInSeconds).toBe(300);
  });
});

describe('the functions', () => {
  it('run Node 22 on arm64 with JSON logs into a log group with a retention', () => {
    const fns = resources(herald.template, 'AWS::Lambda::Function');
    expect(Object.keys(fns)).toHaveLength(6);
    const groups = resources(herald.template, 'AWS::Logs::LogGroup');
    for (const fn of Object.values(fns)) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Handler).toBe('index.handler');
      expect(fn.Properties.LoggingConfig.LogFormat).toBe('JSON');
      const groupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      expect(groups[groupId]?.Properties.RetentionInDays).toBe(30);
    }
  });

  it('size the snapshot Lambda from the benchmark: 2048 MB, 5 minutes, read timeout inside it', () => {
    const props = functionProps(herald.template, SERVICES.snapshot);
    expect(props.MemorySize).toBe(2048);
    expect(props.Timeout).toBe(300);
    const vars = env(herald.template, SERVICES.snapshot);
    const connect = Number(vars[ENV.connectTimeoutMs]);
    const read = Number(vars[ENV.readTimeoutMs]);
    // A request has its own timeout, longer than connecting and inside the whole read.
    const request = Number(vars[ENV.requestTimeoutMs]);
    expect(request).toBe(SNAPSHOT_SIZING.requestTimeoutMs);
    expect(request).toBeGreaterThan(connect);
    expect(request).toBeLessThan(read);
    expect(vars[ENV.titlesUrl]).toBe(SUBSQUARE_KUSAMA_API);
    const endpoints = String(vars[ENV.assetHubRpc]).split(',');
    expect(endpoints.length).toBeGreaterThan(0);
    // Every endpoint failing over in turn still ends before Lambda cuts the run off.
    expect(endpoints.length * (connect + read)).toBeLessThan(props.Timeout * 1000);
    // V8 collects garbage before it reaches the function's memory: heap limit well under it.
    const heap = Number(/^--max-old-space-size=(\d+)$/.exec(String(vars[ENV.nodeOptions]))?.[1]);
    expect(heap).toBe(SNAPSHOT_SIZING.heapMb);
    expect(heap).toBeLessThanOrEqual(props.MemorySize * 0.7);
  });

  it('give the chain endpoints as configuration and check them', () => {
    const custom = synthHerald({ 'herald:assetHubRpc': 'wss://a.example/ah, wss://b.example/ah' });
    expect(env(custom.template, SERVICES.snapshot)[ENV.assetHubRpc]).toBe(
      'wss://a.example/ah,wss://b.example/ah',
    );
    expect(() => synthHerald({ 'herald:assetHubRpc': 'https://not-a-websocket' })).toThrow(
      /ws:\/\/ or wss:\/\//,
    );
  });

  it('put the Discord and Telegram Lambdas behind public Function URLs, given as outputs', () => {
    const urls = resources(herald.template, 'AWS::Lambda::Url');
    const targets = Object.values(urls).map((u) => u.Properties.TargetFunctionArn['Fn::GetAtt'][0]);
    expect(targets.sort()).toEqual(
      [
        functionId(herald.template, SERVICES.telegram),
        functionId(herald.template, SERVICES.interactions),
      ].sort(),
    );
    for (const url of Object.values(urls)) expect(url.Properties.AuthType).toBe('NONE');
    const outputs = herald.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    for (const name of ['TelegramWebhookUrl', 'DiscordInteractionsUrl']) {
      const value = outputs[name]?.Value as { 'Fn::GetAtt': [string, string] };
      expect(value['Fn::GetAtt'][1]).toBe('FunctionUrl');
      expect(Object.keys(urls)).toContain(value['Fn::GetAtt'][0]);
    }
  });

  it('let the public invoke the URL functions only through their URLs, and nothing else at all', () => {
    const urlTargets = Object.values(resources(herald.template, 'AWS::Lambda::Url')).map(
      (u) => u.Properties.TargetFunctionArn['Fn::GetAtt'][0],
    );
    const permissions = Object.values(resources(herald.template, 'AWS::Lambda::Permission'));
    const open = permissions.filter((p) => p.Properties.Principal === '*');
    expect(open).toHaveLength(2 * urlTargets.length);
    for (const p of open) {
      expect(urlTargets).toContain(p.Properties.FunctionName['Fn::GetAtt'][0]);
      if (p.Properties.Action === 'lambda:InvokeFunctionUrl')
        expect(p.Properties.FunctionUrlAuthType).toBe('NONE');
      else {
        expect(p.Properties.Action).toBe('lambda:InvokeFunction');
        expect(p.Properties.InvokedViaFunctionUrl).toBe(true);
      }
    }
  });

  it('poll one queue only: the dispatch queue feeds the dispatcher; detector and follow-up are invoked directly', () => {
    const mappings = Object.values(resources(herald.template, 'AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(1);
    const p = mappings[0]!.Properties;
    expect(p.FunctionName.Ref).toBe(functionId(herald.template, SERVICES.dispatcher));
    const dispatchQueue = (
      env(herald.template, SERVICES.detector)[ENV.alertDispatchQueueUrl] as { Ref: string }
    ).Ref;
    expect(p.EventSourceArn['Fn::GetAtt'][0]).toBe(dispatchQueue);
    expect(p.BatchSize).toBe(10);
    expect(p.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    // The dispatchers the queue runs at once each pace their share of the bots' global limits.
    expect(env(herald.template, SERVICES.dispatcher)[ENV.alertDispatchConcurrency]).toBe(
      String(p.ScalingConfig.MaximumConcurrency),
    );
    expect(p.ScalingConfig.MaximumConcurrency).toBe(2);
    for (const service of [SERVICES.detector, SERVICES.followup])
      expect(
        mappings.filter((m) => m.Properties.FunctionName.Ref === functionId(herald.template, service)),
      ).toEqual([]);
  });

  it('let the snapshot invoke the detector and the interactions endpoint the follow-up, each by name', () => {
    for (const [caller, target, name] of [
      [SERVICES.snapshot, SERVICES.detector, ENV.alertDetectorFunction],
      [SERVICES.interactions, SERVICES.followup, ENV.discordFollowupFunction],
    ] as const) {
      expect(env(herald.template, caller)[name]).toEqual({ Ref: functionId(herald.template, target) });
      for (const other of Object.values(SERVICES))
        if (other !== caller) expect(env(herald.template, other)[name], other).toBeUndefined();
    }
    // A follow-up is tried twice at most, and not once Discord's 15-minute token is nearly spent.
    herald.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: functionId(herald.template, SERVICES.followup) },
      MaximumRetryAttempts: 1,
      MaximumEventAgeInSeconds: 600,
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [failedInvocations(herald.template), 'Arn'] } },
      },
    });
  });

  it('give the detector and the dispatcher the one dispatch queue URL', () => {
    const detector = env(herald.template, SERVICES.detector);
    const dispatcher = env(herald.template, SERVICES.dispatcher);
    const dispatchQueue = detector[ENV.alertDispatchQueueUrl] as { Ref: string };
    expect(resources(herald.template)[dispatchQueue.Ref]?.Type).toBe('AWS::SQS::Queue');
    expect(dispatcher[ENV.alertDispatchQueueUrl]).toEqual(dispatchQueue);
    for (const vars of [detector, dispatcher]) {
      expect(vars[ENV.tableName]).toBeDefined();
      expect(vars[ENV.staleAfterSeconds]).toBe('900');
    }
  });

  it('tell a function that renders charts where its bundled wasm and fonts are', () => {
    const charts = synthHerald({}, { telegramWebhook: join(FIXTURES, 'chart-handler.ts') });
    expect(env(charts.template, SERVICES.telegram)[ENV.chartAssetsDir]).toBe(`/var/task/${CHART_ASSETS_DIR}`);
    expect(env(charts.template, SERVICES.dispatcher)[ENV.chartAssetsDir]).toBeUndefined();
  });

  it('refuse to build when an entry file does not exist, before bundling anything', () => {
    expect(() => buildTestApp({}, { alertDispatcher: '/nonexistent/alert-dispatcher.ts' })).toThrow(
      /the alertDispatcher handler \/nonexistent\/alert-dispatcher.ts does not exist/,
    );
  });

  it('turn version reporting off', () => {
    expect(Object.keys(resources(herald.template, 'AWS::CDK::Metadata'))).toHaveLength(0);
  });
});

describe('the queues', () => {
  it('are encrypted and TLS-only, and the one work queue has a dead-letter queue', () => {
    const queues = resources(herald.template, 'AWS::SQS::Queue');
    // the alert dispatch queue + its DLQ, and the failed invocations' DLQ
    expect(Object.keys(queues)).toHaveLength(3);
    for (const q of Object.values(queues)) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
    const policies = Object.values(resources(herald.template, 'AWS::SQS::QueuePolicy'));
    expect(policies).toHaveLength(3);
    for (const p of policies) {
      expect(p.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
    const withRedrive = Object.values(queues).filter((q) => q.Properties.RedrivePolicy);
    expect(withRedrive).toHaveLength(1);
    // Dead letters are kept 14 days.
    for (const q of Object.values(queues).filter((x) => !x.Properties.RedrivePolicy))
      expect(q.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
  });

  it('keep a message invisible for at least six timeouts of the Lambda that consumes it', () => {
    const mappings = Object.values(resources(herald.template, 'AWS::Lambda::EventSourceMapping'));
    const fns = resources(herald.template, 'AWS::Lambda::Function');
    expect(mappings.length).toBeGreaterThan(0);
    for (const m of mappings) {
      const fn = fns[m.Properties.FunctionName.Ref]!;
      const queue = resources(herald.template)[m.Properties.EventSourceArn['Fn::GetAtt'][0]]!;
      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Properties.Timeout);
    }
  });

  it('give a dispatch job 5 tries before the dead-letter queue, the dispatcher time for a send', () => {
    const dispatchId = (env(herald.template, SERVICES.detector)[ENV.alertDispatchQueueUrl] as { Ref: string })
      .Ref;
    expect(resources(herald.template)[dispatchId]!.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
    // A claim holds its record for 120 s (the notifier's longest wait plus the request).
    expect(functionProps(herald.template, SERVICES.dispatcher).Timeout).toBeGreaterThan(120);
  });
});
