import { beforeAll, describe, expect, it } from 'vitest';
import { synthHerald, type TestApp } from './synth.js';
import { functionId, functionProps, type Resource, resources, SERVICES } from './template-queries.js';

let herald: TestApp;
let alarms: Resource[];
let topicId: string;

beforeAll(() => {
  herald = synthHerald({ 'herald:alarmEmail': 'ops@example.org' });
  alarms = Object.values(resources(herald.template, 'AWS::CloudWatch::Alarm'));
  topicId = Object.keys(resources(herald.template, 'AWS::SNS::Topic'))[0]!;
});

const onFunction = (alarm: Resource, fnId: string) =>
  alarm.Properties.Dimensions?.some((d: { Value: { Ref: string } }) => d.Value.Ref === fnId);

describe('alarms', () => {
  it('all notify the alarm topic, which mails the configured address over TLS only', () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    herald.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: { Ref: topicId },
    });
    const policy = Object.values(resources(herald.template, 'AWS::SNS::TopicPolicy'))[0]!;
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('aws:SecureTransport');
  });

  it('fire when the snapshot fails twice in three scheduled runs', () => {
    const snapshotId = functionId(herald.template, SERVICES.snapshot);
    const failing = alarms.filter((a) => onFunction(a, snapshotId));
    expect(failing).toHaveLength(1);
    expect(failing[0]!.Properties).toMatchObject({
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Period: 300,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('fire when no snapshot succeeded for 15 minutes, including when none ran at all', () => {
    const snapshotId = functionId(herald.template, SERVICES.snapshot);
    const stale = alarms.filter((a) => a.Properties.Metrics);
    expect(stale).toHaveLength(1);
    const p = stale[0]!.Properties;
    expect(p.TreatMissingData).toBe('breaching');
    expect(p.ComparisonOperator).toBe('LessThanThreshold');
    expect(p.Threshold).toBe(1);
    const byId = Object.fromEntries(p.Metrics.map((m: { Id: string }) => [m.Id, m]));
    expect(byId.expr_1.Expression).toBe('FILL(runs, 0) - FILL(failures, 0)');
    for (const [id, name] of [
      ['runs', 'Invocations'],
      ['failures', 'Errors'],
    ] as const) {
      expect(byId[id].MetricStat.Metric.MetricName).toBe(name);
      expect(byId[id].MetricStat.Metric.Dimensions[0].Value).toEqual({ Ref: snapshotId });
      expect(byId[id].MetricStat.Period).toBe(900);
    }
  });

  it('fire on any message in any dead-letter queue: of a queue, a function or a schedule', () => {
    const queues = resources(herald.template, 'AWS::SQS::Queue');
    const redriveTargets = Object.values(queues)
      .map((q) => q.Properties.RedrivePolicy?.deadLetterTargetArn['Fn::GetAtt'][0])
      .filter(Boolean);
    const snapshotDlq = functionProps(herald.template, SERVICES.snapshot).DeadLetterConfig.TargetArn[
      'Fn::GetAtt'
    ][0];
    const functionDlqs = Object.values(resources(herald.template, 'AWS::Lambda::Function'))
      .map((f) => f.Properties.DeadLetterConfig?.TargetArn['Fn::GetAtt'][0])
      .filter(Boolean);
    const scheduleDlqs = Object.values(resources(herald.template, 'AWS::Scheduler::Schedule')).map(
      (s) => s.Properties.Target.DeadLetterConfig.Arn['Fn::GetAtt'][0],
    );
    expect(functionDlqs).toContain(snapshotDlq);
    expect(scheduleDlqs).toHaveLength(2);
    const dlqs = [...new Set([...redriveTargets, ...functionDlqs, ...scheduleDlqs])].sort();
    const watched = alarms
      .filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map((a) => {
        expect(a.Properties.Threshold).toBe(1);
        expect(a.Properties.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
        return a.Properties.Dimensions[0].Value['Fn::GetAtt'][0];
      })
      .sort();
    expect(watched).toEqual(dlqs);
    // snapshot, alert queue, alert dispatch queue, Discord follow-up queue
    expect(dlqs).toHaveLength(4);
  });

  it('fire on any error of each bot and worker handler', () => {
    for (const service of [
      SERVICES.telegram,
      SERVICES.interactions,
      SERVICES.followup,
      SERVICES.detector,
      SERVICES.dispatcher,
    ]) {
      const mine = alarms.filter((a) => onFunction(a, functionId(herald.template, service)));
      expect(mine, service).toHaveLength(1);
      expect(mine[0]!.Properties).toMatchObject({ MetricName: 'Errors', Threshold: 1, EvaluationPeriods: 1 });
    }
  });

  it('cost 12 alarm metrics in all: 6 function errors, 4 dead-letter queues, 2 for the stale snapshot', () => {
    const metrics = alarms.reduce(
      (n, a) =>
        n +
        (a.Properties.Metrics
          ? a.Properties.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat).length
          : 1),
      0,
    );
    expect(metrics).toBe(12);
  });
});
