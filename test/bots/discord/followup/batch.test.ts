import { describe, expect, it } from 'vitest';
import type { DeliveryVerdict } from '../../../../bots/discord/delivery/index.js';
import {
  encodeFollowupJob,
  type FollowupDeps,
  FollowupRetry,
  inProcessFollowupQueue,
  runFollowupBatch,
  runFollowupInvocation,
} from '../../../../bots/discord/followup/index.js';

const NOW = Date.UTC(2026, 11, 1, 12);

function job(token: string) {
  return encodeFollowupJob({
    v: 1,
    applicationId: '1234567890123456',
    token,
    line: '/referendum 1',
    caller: null,
    reason: 'chart',
    mode: 'reply',
    createdAtMs: NOW,
  });
}

describe('a batch of follow-up jobs', () => {
  it('retries what the classifier says to retry, drops malformed jobs, and logs each failure', async () => {
    const logs: string[] = [];
    const deps: FollowupDeps = {
      // The command fails as Discord or the network would; the classifier decides per token.
      run: async () => {
        throw new Error('boom');
      },
      rest: {} as FollowupDeps['rest'],
      renderChart: async () => new Uint8Array(),
      now: () => NOW,
      log: (line) => logs.push(line),
    };
    const classify = (): DeliveryVerdict => ({ status: 'retry', afterMs: null, reason: 'network trouble' });
    const result = await runFollowupBatch(
      {
        Records: [
          { messageId: 'a', body: job('tok-a') },
          { messageId: 'bad', body: '{"v":1}' },
        ],
      },
      deps,
      classify,
    );
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'a' }]);
    expect(logs).toEqual(['follow-up a: network trouble', 'follow-up bad: network trouble']);
  });

  it('acknowledges a job whose failure will not get better by retrying', async () => {
    const deps: FollowupDeps = {
      run: async () => {
        throw new Error('rejected');
      },
      rest: {} as FollowupDeps['rest'],
      renderChart: async () => new Uint8Array(),
      now: () => NOW,
    };
    const result = await runFollowupBatch(
      { Records: [{ messageId: 'a', body: job('tok-a') }] },
      deps,
      () => ({
        status: 'failed',
        reason: 'Invalid Form Body',
      }),
    );
    expect(result.batchItemFailures).toEqual([]);
  });
});

describe('a follow-up job invoked asynchronously', () => {
  const failing = (message: string): FollowupDeps => ({
    run: async () => {
      throw new Error(message);
    },
    rest: {} as FollowupDeps['rest'],
    renderChart: async () => new Uint8Array(),
    now: () => NOW,
  });

  it('throws what is worth retrying, so Lambda runs it again and then dead-letters it', async () => {
    const retry = (): DeliveryVerdict => ({ status: 'retry', afterMs: null, reason: 'network trouble' });
    await expect(
      runFollowupInvocation(JSON.parse(job('tok-a')), failing('reset'), retry),
    ).rejects.toBeInstanceOf(FollowupRetry);
  });

  it('drops a job Discord refused for good, and a malformed one, without a retry', async () => {
    const logs: string[] = [];
    const deps = { ...failing('rejected'), log: (line: string) => logs.push(line) };
    const refused = (): DeliveryVerdict => ({ status: 'failed', reason: 'Invalid Form Body' });
    await expect(runFollowupInvocation(JSON.parse(job('tok-a')), deps, refused)).resolves.toBeUndefined();
    const retry = (): DeliveryVerdict => ({ status: 'retry', afterMs: null, reason: 'malformed' });
    await expect(runFollowupInvocation({ v: 1 }, deps, retry)).resolves.toBeUndefined();
    expect(logs).toEqual(['follow-up invocation: Invalid Form Body', 'follow-up invocation: malformed']);
  });
});

describe('the in-process follow-up queue (npm start)', () => {
  it('runs a failing job once more, then keeps it as a dead letter', async () => {
    let runs = 0;
    const logs: string[] = [];
    const queue = inProcessFollowupQueue(
      async () => {
        runs += 1;
        throw new Error('Discord is down');
      },
      (line) => logs.push(line),
      { retryAttempts: 1 },
    );
    await queue.enqueue(JSON.parse(job('tok-a')));
    await queue.drain();
    expect(runs).toBe(2);
    expect(queue.deadLetters()).toMatchObject([{ job: { token: 'tok-a' }, error: 'Discord is down' }]);
    expect(logs.at(-1)).toBe('follow-up for "/referendum 1" failed 2 times, dead-lettered: Discord is down');
  });
});
