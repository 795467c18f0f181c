/**
 * The snapshot job's identity step: the names of every address the snapshot shows, read from the
 * People chain when its endpoints are set. A People chain that is down never fails the snapshot:
 * the last names are kept (from the warm container's cache, or else from the served version in
 * the store) and the snapshot's warnings say so.
 */
import type { AccountName } from '../../../core/identity/identity-types.js';
import { namedAddresses } from '../../../core/identity/named-addresses.js';
import type { SnapshotReader } from '../../../core/ports/snapshot-reader.js';
import { ENTITY } from '../../../core/snapshot/entities.js';
import type { Snapshot } from '../../../core/types/snapshot.js';
import type { Address } from '../../../core/types/staking.js';
import { readIdentities } from './identities.js';
import { IdentityCache } from './identities-cache.js';

/** One per warm container: what the last read found, so the next one reads only what changed. */
export const containerIdentityCache = new IdentityCache();

export interface IdentityStepDeps {
  endpoints: readonly string[] | undefined;
  store: Pick<SnapshotReader, 'getEntities'>;
  cache?: IdentityCache;
  timeoutMs?: number;
  requestTimeoutMs?: number;
  log: (message: string) => void;
}

export interface IdentityStepResult {
  /** Undefined when no People endpoint is set: the version carries no names. */
  names: Record<Address, AccountName> | undefined;
  summary: { block: number; endpoint: string; addresses: number; read: number; reason: string } | null;
}

export async function identityStep(
  deps: IdentityStepDeps,
  snapshot: Snapshot,
  nowMs: number,
): Promise<IdentityStepResult> {
  if (!deps.endpoints?.length) return { names: undefined, summary: null };
  const cache = deps.cache ?? containerIdentityCache;
  const addresses = namedAddresses(snapshot);
  try {
    const read = await readIdentities(deps.endpoints, addresses, {
      cache,
      timeoutMs: deps.timeoutMs ?? 15_000,
      requestTimeoutMs: deps.requestTimeoutMs,
      nowMs,
      log: deps.log,
    });
    return {
      names: read.names,
      summary: {
        block: read.block,
        endpoint: read.endpoint,
        addresses: addresses.length,
        read: read.read,
        reason: read.reason,
      },
    };
  } catch (error) {
    const cached = cache.namesOf(addresses);
    const since = cache.state ? ` from People block ${cache.state.block}` : ' of the served version';
    snapshot.warnings.push(
      `People chain not read (${(error as Error).message}): names kept${since}, changes since not seen`,
    );
    if (cached) return { names: cached, summary: null };
    const stored = await deps.store.getEntities<AccountName>(ENTITY.identity, addresses).catch((e) => {
      snapshot.warnings.push(`the served names could not be read either: ${(e as Error).message}`);
      return new Map<string, AccountName>();
    });
    return { names: Object.fromEntries(stored), summary: null };
  }
}
