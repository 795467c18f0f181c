/** Errors of the alert runner and dispatcher. */
export class AlertJobError extends Error {
  override readonly name = 'AlertJobError';
}

export class AlertConfigError extends Error {
  override readonly name = 'AlertConfigError';
}

/** A detection that failed and is worth running again (the invocation is retried, then dead-lettered). */
export class AlertDetectionFailed extends Error {
  override readonly name = 'AlertDetectionFailed';
}
