/**
 * A pool's name from its `Metadata` bytes: anyone with the root or bouncer role sets them, so they
 * are untrusted. Invalid UTF-8 becomes U+FFFD, then the shared sanitiser strips what could hide or
 * reorder text and caps the length.
 */
import { sanitizeName } from '../identity/sanitize.js';

export function poolName(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  return sanitizeName(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
}
