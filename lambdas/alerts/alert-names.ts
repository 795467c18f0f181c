/**
 * The detector's names step: the on-chain names of the addresses the alerts show, read in one
 * batch from the identity entities of the version they were detected on, attached to each alert.
 * Names are an addition: a failed read leaves the alerts as they are, with a note.
 */
import { alertAddresses, withAlertNames } from '../../core/alerts/alert-addresses.js';
import type { Alert } from '../../core/alerts/alert-types.js';
import type { AccountName } from '../../core/identity/identity-types.js';
import type { SnapshotReader, StorePointer } from '../../core/ports/snapshot-reader.js';
import { ENTITY } from '../../core/snapshot/entities.js';

export async function nameAlerts(
  store: Pick<SnapshotReader, 'getEntities'>,
  pointer: StorePointer,
  alerts: readonly Alert[],
  notes: string[],
): Promise<Alert[]> {
  const addresses = alertAddresses(alerts);
  if (addresses.length === 0) return [...alerts];
  try {
    const names = await store.getEntities<AccountName>(ENTITY.identity, addresses, { pointer });
    return withAlertNames(alerts, names);
  } catch (error) {
    notes.push(
      `the names of ${addresses.length} addresses could not be read (${(error as Error).message}); alerts show them bare`,
    );
    return [...alerts];
  }
}
