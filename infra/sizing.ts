/**
 * Snapshot Lambda sizing, from the snapshot benchmark at Kusama scale (about 21k entities): a
 * steady-state run takes 6-10 s and about 160 RPC requests; a cold run (all 84 eras read from the
 * chain) 27-65 s and about 1,000 requests; peak RSS about 1.0 GB with the heap limit below.
 */
export const SNAPSHOT_SIZING = {
  /** Twice the 1.0 GB peak: room for chain growth, and Lambda gives CPU in proportion to memory. */
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
  detectorMemoryMb: 1024,
  dispatcherMemoryMb: 1024,
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
