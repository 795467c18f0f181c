/** Errors of configuration: a missing or malformed setting, and an unreadable secret. */
export class HandlerConfigError extends Error {
  override readonly name = 'HandlerConfigError';
}

export class SecretError extends Error {
  override readonly name = 'SecretError';
}
