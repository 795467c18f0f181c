/**
 * Asynchronous Lambda invocation, emulated in one process for `npm start`: the call starts after
 * the caller's own work (as a separate invocation would), a failure is run again up to
 * `retryAttempts` times, and what still fails is kept as a dead letter and logged, as the
 * on-failure destination keeps it on AWS. The returned promise settles when the last attempt has.
 */
export interface InProcessInvoker<T> {
  invoke(event: T): Promise<void>;
  /** Events that failed every attempt, with the last error. */
  deadLetters(): ReadonlyArray<{ event: T; error: string }>;
}

export interface InProcessInvokeOptions {
  /** What the events are for, in log lines ("alert detection"). */
  name: string;
  retryAttempts: number;
  /** Wait before each retry (Lambda waits about a minute, then two; locally none by default). */
  retryDelayMs?: number;
  log: (line: string) => void;
}

export function inProcessAsyncInvoker<T>(
  run: (event: T) => Promise<unknown>,
  options: InProcessInvokeOptions,
): InProcessInvoker<T> {
  const dead: Array<{ event: T; error: string }> = [];
  return {
    async invoke(event) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (let attempt = 0; ; attempt++) {
        try {
          await run(event);
          return;
        } catch (error) {
          const message = (error as Error).message;
          if (attempt >= options.retryAttempts) {
            dead.push({ event, error: message });
            options.log(`${options.name} failed ${attempt + 1} times, dead-lettered: ${message}`);
            return;
          }
          options.log(`${options.name} failed, retrying: ${message}`);
          await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 0));
        }
      }
    },
    deadLetters: () => dead,
  };
}
