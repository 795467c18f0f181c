import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './synth.js';

describe('cdk-nag AwsSolutions', () => {
  it('passes on the whole app, every finding fixed or acknowledged with a reason', () => {
    const { app } = buildTestApp();
    const assembly = app.synth();
    const acknowledged = app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.entries(m.data as Record<string, string | { reason?: string }>));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const [id, value] of acknowledged) {
      expect(id).toMatch(/AwsSolutions-[A-Z]+\d+/);
      const reason = typeof value === 'string' ? value : value.reason;
      expect(reason?.length ?? 0, id).toBeGreaterThan(30);
    }
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports).toEqual([]);
  });

  it('is really running: an unacknowledged finding fails the synth', () => {
    const { app, stack } = buildTestApp();
    new Queue(stack, 'PlainQueue');
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});
