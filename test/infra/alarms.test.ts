/**
 * The alarms: three, reading four alarm metrics, and every failure the eleven alarms before them
 * caught (six function error alarms, four dead-letter alarms, the stale snapshot) still alarms.
 * The table below names each failure and the alarm that catches it, and checks the wiring that
 * makes it so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { COST_INPUTS } from '../../infra/cost-inputs.js';
import { synthHerald, type TestApp } from './synth.js';
import { type CfnJson, functionId, type Resource, resources, SERVICES } from './template-queries.js';

let herald: TestApp;
let alarms: Record<string, Resource>;
let topicId: string;

beforeAll(() => {
  herald = synthHerald({ 'herald:alarmEmail': 'ops@example.org' });
  alarms = resources(herald.template, 'AWS::CloudWatch::Alarm');
  topicId = Object.keys(resources(herald.template, 'AWS::SNS::Topic'))[0]!;
});

const alarmNamed = (part: string): Resource => {
  const found = Object.entries(alarms).filter(([id]) => id.includes(part));
  if (found.length !== 1) throw new Error(`expected one alarm named like ${part}, found ${found.length}`);
  return found[0]![1];
};
/** The logical ids of the queues the dead-letter alarm reads. */
const watchedQueues = (): string[] =>
  alarmNamed('DeadLetters')
    .Properties.Metrics.filter((m: CfnJson) => m.MetricStat)
    .map((m: CfnJson) => m.MetricStat.Metric.Dimensions[0].Value['Fn::GetAtt'][0])
    .sort();
/** Log groups whose failed invocations feed the failure metric. */
const filteredLogGroups = (): string[] =>
  Object.values(resources(herald.template, 'AWS::Logs::MetricFilter'))
    .filter((f) =>
      f.Properties.MetricTransformations.some(
        (t: CfnJson) => t.MetricNamespace === 'Herald' && t.MetricName === 'FunctionFailures',
      ),
    )
    .map((f) => f.Properties.LogGroupName.Ref);
const logGroupOf = (service: string): string =>
  resources(herald.template)[functionId(herald.template, service)]!.Properties.LoggingConfig.LogGroup.Ref;
const onFailureQueue = (service: string): string | undefined => {
  const fnId = functionId(herald.template, service);
  const config = Object.values(resources(herald.template, 'AWS::Lambda::EventInvokeConfig')).find(
    (c) => c.Properties.FunctionName.Ref === fnId,
  );
  return config?.Properties.DestinationConfig?.OnFailure?.Destination['Fn::GetAtt'][0];
};
const scheduleDeadLetters = (service: string): string => {
  const fnId = functionId(herald.template, service);
  const schedule = Object.values(resources(herald.template, 'AWS::Scheduler::Schedule')).find(
    (s) => s.Properties.Target.Arn['Fn::GetAtt'][0] === fnId,
  )!;
  return schedule.Properties.Target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
};
const dispatchDeadLetters = (): string => {
  const queues = Object.values(resources(herald.template, 'AWS::SQS::Queue'));
  const work = queues.filter((q) => q.Properties.RedrivePolicy);
  expect(work).toHaveLength(1);
  return work[0]!.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0];
};

describe('alarms', () => {
  it('are three, reading four alarm metrics (what CloudWatch bills), as the cost inputs say', () => {
    expect(Object.keys(alarms)).toHaveLength(3);
    const metrics = Object.values(alarms).reduce(
      (n, a) =>
        n + (a.Properties.Metrics ? a.Properties.Metrics.filter((m: CfnJson) => m.MetricStat).length : 1),
      0,
    );
    expect(metrics).toBe(4);
    expect(COST_INPUTS.alarms.map((a) => a.metrics.length).reduce((a, b) => a + b, 0)).toBe(metrics);
    expect(COST_INPUTS.alarms).toHaveLength(3);
  });

  it('all notify the alarm topic, which mails the configured address over TLS only', () => {
    for (const alarm of Object.values(alarms))
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    herald.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: { Ref: topicId },
    });
    const policy = Object.values(resources(herald.template, 'AWS::SNS::TopicPolicy'))[0]!;
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('aws:SecureTransport');
  });

  it('count every failed invocation of every function (error, timeout, crash) into one metric', () => {
    const failures = alarmNamed('Failures').Properties;
    expect(failures).toMatchObject({
      Namespace: 'Herald',
      MetricName: 'FunctionFailures',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    expect(failures.Dimensions).toBeUndefined();
    const filters = Object.values(resources(herald.template, 'AWS::Logs::MetricFilter'));
    for (const f of filters) {
      expect(f.Properties.FilterPattern).toBe(
        '{ ($.type = "platform.report") && ($.record.status != "success") }',
      );
      expect(f.Properties.MetricTransformations).toEqual([
        { MetricNamespace: 'Herald', MetricName: 'FunctionFailures', MetricValue: '1' },
      ]);
    }
    // Lambda writes the report line only at system log level INFO or finer.
    for (const fn of Object.values(resources(herald.template, 'AWS::Lambda::Function')))
      expect(fn.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON', SystemLogLevel: 'INFO' });
    // The description says how to find which function failed.
    expect(JSON.stringify(failures.AlarmDescription)).toContain('record.status != \\"success\\"');
  });

  it('watch the depth of both dead-letter queues in one metric-math alarm', () => {
    const p = alarmNamed('DeadLetters').Properties;
    expect(p).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const expression = p.Metrics.find((m: CfnJson) => m.Expression);
    expect(expression.Expression).toBe('FILL(q0, 0) + FILL(q1, 0)');
    for (const m of p.Metrics.filter((x: CfnJson) => x.MetricStat))
      expect(m.MetricStat).toMatchObject({
        Metric: { MetricName: 'ApproximateNumberOfMessagesVisible' },
        Stat: 'Maximum',
        Period: 300,
      });
    // Every dead-letter queue of the stack is watched, and nothing else.
    const queues = resources(herald.template, 'AWS::SQS::Queue');
    const deadLetterQueues = Object.keys(queues).filter((id) => !queues[id]!.Properties.RedrivePolicy);
    expect(watchedQueues()).toEqual(deadLetterQueues.sort());
  });

  it('fire when the snapshot did not run at all for 15 minutes', () => {
    const p = alarmNamed('SnapshotStale').Properties;
    expect(p).toMatchObject({
      MetricName: 'Invocations',
      Namespace: 'AWS/Lambda',
      Period: 900,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    expect(p.Dimensions[0].Value).toEqual({ Ref: functionId(herald.template, SERVICES.snapshot) });
  });

  describe('still catch each failure the per-resource alarms caught', () => {
    /** Before: what alarmed. After: the alarm and the wiring that makes it fire. */
    const modes: Array<[failure: string, before: string, alarm: string, wired: () => void]> = [
      ...Object.entries(SERVICES).map(
        ([key, service]) =>
          [
            `${key} fails, times out or crashes`,
            `${service} errors alarm`,
            'Failures',
            () => expect(filteredLogGroups()).toContain(logGroupOf(service)),
          ] as [string, string, string, () => void],
      ),
      [
        'a snapshot run fails (each failed run is dead-lettered)',
        'snapshot dead-letter alarm',
        'DeadLetters',
        () => expect(watchedQueues()).toContain(onFailureQueue(SERVICES.snapshot)),
      ],
      [
        'the snapshot schedule cannot invoke the Lambda',
        'snapshot dead-letter alarm',
        'DeadLetters',
        () => expect(watchedQueues()).toContain(scheduleDeadLetters(SERVICES.snapshot)),
      ],
      [
        'a detection fails all its tries',
        'alert queue dead-letter alarm',
        'DeadLetters',
        () => expect(watchedQueues()).toContain(onFailureQueue(SERVICES.detector)),
      ],
      [
        'the alert check schedule cannot invoke the detector',
        'alert queue dead-letter alarm',
        'DeadLetters',
        () => expect(watchedQueues()).toContain(scheduleDeadLetters(SERVICES.detector)),
      ],
      [
        'a dispatch job fails five receives',
        'dispatch dead-letter alarm',
        'DeadLetters',
        () => expect(watchedQueues()).toContain(dispatchDeadLetters()),
      ],
      [
        'a follow-up fails its tries',
        'follow-up dead-letter alarm',
        'DeadLetters',
        () => expect(watchedQueues()).toContain(onFailureQueue(SERVICES.followup)),
      ],
      [
        'no snapshot runs (a stopped schedule)',
        'stale snapshot alarm',
        'SnapshotStale',
        () => expect(alarmNamed('SnapshotStale').Properties.TreatMissingData).toBe('breaching'),
      ],
    ];
    it.each(modes)('%s (before: %s) → %s', (_failure, _before, alarm, wired) => {
      expect(alarmNamed(alarm).Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      wired();
    });
  });
});
