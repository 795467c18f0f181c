/** Errors of the Lambda entry points: missing configuration and unreadable secrets. */
export class HandlerConfigError extends Error {
  override readonly name = 'HandlerConfigError';
}

export class SecretError extends Error {
  override readonly name = 'SecretError';
}
