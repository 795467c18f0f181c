import { describe, expect, it } from 'vitest';
import type { DeliveryVerdict } from '../../../../bots/discord/delivery/index.js';
import {
  encodeFollowupJob,
  type FollowupDeps,
  runFollowupBatch,
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
