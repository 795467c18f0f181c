/**
 * The detector Lambda's event, by how it was invoked: the snapshot Lambda invokes it
 * asynchronously with the alert-detection message itself after each commit; the schedule invokes
 * it with an empty object (the clock-only check); an SQS batch (`Records`) is still understood.
 *
 * A detection that fails is thrown, so Lambda retries the invocation and, once its retries or its
 * event age are spent, sends it to the on-failure destination. A repeat is harmless: detection
 * reads the same version range, gives every alert the same id, and the dispatcher's records send
 * each (alert, chat) once. A malformed message is dropped with a log line: retrying cannot fix it.
 */

import {
  type AlertDetectorDeps,
  type DetectorEvent,
  type DetectorLog,
  handleDetectorEvent,
} from './detector-events.js';
import { AlertDetectionFailed } from './errors.js';

/** What the snapshot Lambda sends: an alert-detection message (core/ports/alert-detection-message.ts). */
export const isDetectionInvocation = (event: unknown): event is { version: unknown } =>
  typeof event === 'object' && event !== null && 'version' in event;

export async function handleDetectorInvocation(
  deps: AlertDetectorDeps,
  event: unknown,
  log: DetectorLog,
): Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }> {
  if (!isDetectionInvocation(event)) return handleDetectorEvent(deps, (event ?? {}) as DetectorEvent, log);
  const result = await handleDetectorEvent(
    deps,
    { Records: [{ messageId: 'invocation', body: JSON.stringify(event) }] },
    log,
  );
  if (result.batchItemFailures.length > 0)
    throw new AlertDetectionFailed(
      `alert detection for version ${String(event.version)} failed; Lambda retries the invocation, then dead-letters it`,
    );
  return result;
}
