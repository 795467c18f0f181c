/** Errors of the alert runner and dispatcher. */
export class AlertJobError extends Error {
  override readonly name = 'AlertJobError';
}

export class AlertConfigError extends Error {
  override readonly name = 'AlertConfigError';
}
