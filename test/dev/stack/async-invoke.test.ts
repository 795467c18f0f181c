import { describe, expect, it } from 'vitest';
import { inProcessAsyncInvoker } from '../../../dev/stack/async-invoke.js';

describe('asynchronous invocation under npm start', () => {
  it('runs after the caller, retries a failure, then keeps it as a dead letter', async () => {
    const order: string[] = [];
    const logs: string[] = [];
    let failuresLeft = 5;
    const invoker = inProcessAsyncInvoker(
      async (event: { version: number }) => {
        order.push(`run v${event.version}`);
        if (failuresLeft-- > 0) throw new Error('table unavailable');
      },
      { name: 'alert detection', retryAttempts: 2, log: (line) => logs.push(line) },
    );
    const done = invoker.invoke({ version: 1 });
    order.push('caller done');
    await done;
    expect(order).toEqual(['caller done', 'run v1', 'run v1', 'run v1']);
    expect(invoker.deadLetters()).toEqual([{ event: { version: 1 }, error: 'table unavailable' }]);
    expect(logs.at(-1)).toBe('alert detection failed 3 times, dead-lettered: table unavailable');

    failuresLeft = 1;
    await invoker.invoke({ version: 2 });
    expect(order.slice(-2)).toEqual(['run v2', 'run v2']);
    expect(invoker.deadLetters()).toHaveLength(1);
  });
});
