/**
 * The alert-detection message: the snapshot Lambda sends one per committed version, the alert
 * engine consumes it. A contract of its own, so neither side bundles the other.
 */
export interface AlertDetectionMessage {
  /** The committed snapshot version to compare with the one before it. */
  version: number;
  /** The relay block the version was read at. */
  relayBlock: number;
  /** The chain endpoint the version was read from, so a failover can be reported. */
  endpoint?: string;
}

export class AlertMessageError extends Error {
  override readonly name = 'AlertMessageError';
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function encodeAlertDetection(message: AlertDetectionMessage): string {
  if (!isCount(message?.version) || message.version < 1 || !isCount(message.relayBlock))
    throw new AlertMessageError(
      `an alert-detection message needs a version >= 1 and a relay block >= 0, got ${JSON.stringify(message)}`,
    );
  const endpoint = typeof message.endpoint === 'string' && message.endpoint ? message.endpoint : undefined;
  return JSON.stringify({ version: message.version, relayBlock: message.relayBlock, endpoint });
}

export function parseAlertDetection(body: string): AlertDetectionMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new AlertMessageError(`alert-detection message is not JSON: ${String(body).slice(0, 80)}`);
  }
  const { version, relayBlock, endpoint } = (parsed ?? {}) as Partial<AlertDetectionMessage>;
  if (!isCount(version) || version < 1 || !isCount(relayBlock))
    throw new AlertMessageError(`alert-detection message needs numeric version and relayBlock: ${body}`);
  return typeof endpoint === 'string' && endpoint
    ? { version, relayBlock, endpoint }
    : { version, relayBlock };
}
