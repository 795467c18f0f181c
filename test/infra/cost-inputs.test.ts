/** The cost model's inputs describe the stack that is synthesized, not a wish. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../infra/config.js';
import { COST_INPUTS } from '../../infra/cost-inputs.js';
import { synthHerald, type TestApp } from './synth.js';
import { functionId, functionProps, resources, SERVICES } from './template-queries.js';

let herald: TestApp;
beforeAll(() => {
  herald = synthHerald();
});

const SERVICE_OF: Record<keyof typeof COST_INPUTS.functions, string> = {
  snapshot: SERVICES.snapshot,
  alertDetector: SERVICES.detector,
  alertDispatcher: SERVICES.dispatcher,
  telegramWebhook: SERVICES.telegram,
  discordInteractions: SERVICES.interactions,
  discordFollowup: SERVICES.followup,
};

describe('cost inputs', () => {
  it('give each function the memory, timeout and asynchronous settings it is deployed with', () => {
    const configs = Object.values(resources(herald.template, 'AWS::Lambda::EventInvokeConfig'));
    for (const [key, cost] of Object.entries(COST_INPUTS.functions)) {
      const service = SERVICE_OF[key as keyof typeof SERVICE_OF];
      const props = functionProps(herald.template, service);
      expect(props.MemorySize, key).toBe(cost.memoryMb);
      expect(props.Timeout, key).toBe(cost.timeoutSeconds);
      const config = configs.find(
        (c) => c.Properties.FunctionName.Ref === functionId(herald.template, service),
      );
      const async = 'async' in cost ? cost.async : undefined;
      expect(config?.Properties.MaximumRetryAttempts, key).toBe(async?.retryAttempts);
      expect(config?.Properties.MaximumEventAgeInSeconds, key).toBe(
        async ? async.maxEventAgeMinutes * 60 : undefined,
      );
    }
  });

  it('count the polled queues as the event source mappings, and the schedules at the default rates', () => {
    const mappings = Object.values(resources(herald.template, 'AWS::Lambda::EventSourceMapping'));
    expect(COST_INPUTS.queues.filter((q) => q.polled)).toHaveLength(mappings.length);
    expect(COST_INPUTS.queues).toHaveLength(
      Object.keys(resources(herald.template, 'AWS::SQS::Queue')).length,
    );
    expect(COST_INPUTS.schedules.snapshot.everyMinutes).toBe(DEFAULT_CONFIG.snapshotEveryMinutes);
    expect(COST_INPUTS.schedules.alertCheck.everyMinutes).toBe(DEFAULT_CONFIG.alertCheckEveryMinutes);
    expect(COST_INPUTS.schedules.snapshot.invocationsPerMonth).toBe(8_760);
    const rates = Object.values(resources(herald.template, 'AWS::Scheduler::Schedule'))
      .map((s) => s.Properties.ScheduleExpression)
      .sort();
    expect(rates).toEqual(['rate(15 minutes)', 'rate(5 minutes)']);
  });
});
