/**
 * Each Lambda's memory, from measurements (Lambda bills GB-s, and gives CPU in proportion to
 * memory: a function that waits on I/O costs less with less memory, a CPU-bound one does not,
 * since it runs longer by as much). Measured on the development machine (2 shared cores):
 *
 * | function             | measured                                                        | MB   |
 * | -------------------- | --------------------------------------------------------------- | ---- |
 * | snapshot             | peak RSS 1,118 MB (kusama cold run and warm re-run), 1,363 MB cold Lambda start, 1,298 MB after an era change | 2048 |
 * | alert detector       | bundle loaded: 75 MB RSS; `npm run bench:alerts` (10,000 subscribers, detection and both dispatchers in one process): peak RSS 294 MB, detection and fan-out 10.1 s | 1024 |
 * | alert dispatcher     | bundle loaded: 73 MB; waits on the platforms' rate limits (10,000 messages paced over 536 s) | 512  |
 * | Discord interactions | bundle loaded: 53 MB, module init 0.8 s on a busy core; must answer within Discord's 3 s, cold start included | 1024 |
 * | Telegram webhook     | bundle loaded: 56 MB; renders charts (CPU)                      | 1024 |
 * | Discord follow-up    | bundle loaded: 70 MB; renders charts (CPU)                      | 1024 |
 *
 * Snapshot Lambda: from the snapshot benchmark at Kusama scale (about 21k entities): a steady-state
 * run takes 6-13 s and about 200 RPC requests; a cold run (all 84 eras read from the chain) 27-65 s
 * and about 1,000 requests.
 */
export const SNAPSHOT_SIZING = {
  /**
   * Twice the ~1.0 GB peak. Less would not be cheaper: the run is CPU-bound, so at 1536 MB (three
   * quarters of the CPU) it takes about a third longer for the same GB-s, with less headroom.
   */
  memoryMb: 2048,
  /**
   * V8's old-space limit (`--max-old-space-size`). Uncapped, V8 lets garbage pile up: the benchmark
   * peaked at 1.7 GB RSS after an era change; capped at 1,100 MB the same runs peaked at 919 MB and
   * took as long. 1,280 MB leaves room for a chain somewhat larger than the scenario.
   */
  heapMb: 1280,
  /** About 4.5 times the slowest cold run, and short of two overlapping scheduled runs at 5 min. */
  timeoutSeconds: 300,
  /**
   * Reserved concurrency: a run and one overlapping it (a slow run and the next schedule), held for
   * the snapshot whatever else the account runs, and no more (a third would only repeat the work).
   */
  reservedConcurrency: 2,
  /** Per endpoint: a connect that takes longer fails over to the next endpoint. */
  connectTimeoutMs: 10_000,
  /**
   * Per endpoint, the whole read: twice the slowest cold run. Two endpoints in a row still leave
   * about a minute of the timeout for the era-change write (the store bench: 10-18 s for 18k items).
   */
  readTimeoutMs: 110_000,
  /**
   * Per request: how long one answer may take. A cold read's largest answers are batches of 6.1 MB
   * (exposure pages), up to 6 in flight on one line: 29 s at 10 Mbit/s, a fifth of what a public
   * endpoint gives one connection; the connect timeout (10 s) would cut them off.
   */
  requestTimeoutMs: 60_000,
} as const;

/**
 * The Discord interactions Lambda must answer within Discord's 3 s window, cold start included;
 * CPU grows with memory, and at a few thousand short invocations a month the price difference is
 * cents.
 */
export const BOT_SIZING = {
  memoryMb: 1024,
  timeoutSeconds: 10,
} as const;

/** The Discord follow-up renders charts and paces Discord's rate limits. */
export const WORKER_SIZING = {
  memoryMb: 1024,
  timeoutSeconds: 60,
} as const;

/**
 * The follow-up Lambda's asynchronous invocation by the interactions Lambda. Discord keeps an
 * interaction's token for 15 minutes: one retry (Lambda waits about a minute), and an event older
 * than 10 minutes goes to the dead-letter queue instead of answering into an expiring token.
 */
export const FOLLOWUP_INVOKE = {
  retryAttempts: 1,
  maxEventAgeMinutes: 10,
} as const;

/**
 * The alert engine: the detector (one detection per committed snapshot: a version diff, the
 * subscriptions, the alert records, the dispatch jobs) and the dispatcher (sends through the
 * platforms' notifiers). A dispatcher claim holds its record for 120 s, the longest wait for a
 * rate-limit slot plus the request; a batch runs its jobs side by side, so one such wait plus the
 * table writes has to fit, with room to spare.
 */
export const ALERT_SIZING = {
  /**
   * 294 MB peak at 10,000 subscribers (an upper bound: the whole bench process); the 100,000-subscriber
   * target is under 1 GB, so 1024 MB until that benchmark shows less.
   */
  detectorMemoryMb: 1024,
  /** I/O-bound (paced sends): 73 MB loaded, a batch of 10 jobs at a time; half the GB-s of 1024 MB. */
  dispatcherMemoryMb: 512,
  detectorTimeoutSeconds: 300,
  dispatcherTimeoutSeconds: 300,
  /** Dispatch jobs per invocation (SQS's most without a batching window); they run side by side. */
  dispatchBatchSize: 10,
  /**
   * Dispatcher invocations at once (the event source's least), also reserved for the dispatcher so
   * it always has them. Each paces half of the bots' global send limits
   * (HERALD_ALERT_DISPATCH_CONCURRENCY), so together they stay inside them.
   */
  dispatchMaxConcurrency: 2,
  /**
   * The detector's asynchronous invocation by the snapshot Lambda: two retries (Lambda waits about
   * one, then two minutes), as the alert queue's three receives gave before. After 15 minutes the
   * scheduled check has caught the version up itself (it waits 10 for the message), so an older
   * event goes to the dead-letter queue.
   */
  detectorRetryAttempts: 2,
  detectorMaxEventAgeMinutes: 15,
} as const;
