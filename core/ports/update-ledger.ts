/**
 * Which updates were handled, so a redelivered update (a Telegram update_id) is answered once. An
 * update is claimed before it is handled and completed after; a claim whose handler died expires
 * after a lease, so the redelivery is then handled rather than lost.
 */
export type ClaimResult = 'claimed' | 'done' | 'in-progress';

export interface UpdateLedger {
  claim(updateId: number): Promise<ClaimResult>;
  complete(updateId: number): Promise<void>;
  /** Forget a claim whose handling failed, so the redelivery is handled. */
  release(updateId: number): Promise<void>;
}

export const DEFAULT_LEASE_MS = 120_000;
