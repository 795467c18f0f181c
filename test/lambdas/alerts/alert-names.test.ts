/**
 * The detector's names step on a real store (dynalite): the alerts get the names of the addresses
 * they show from the identity entities of the version they were detected on, and their messages
 * word those accounts as the replies do; a failed read leaves them bare with a note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../core/alerts/alert-types.js';
import { alertMessage } from '../../../core/alerts/messages.js';
import type { SnapshotReader, StorePointer } from '../../../core/ports/snapshot-reader.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import { ENTITY } from '../../../core/snapshot/entities.js';
import { nameAlerts } from '../../../lambdas/alerts/alert-names.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

const NOMINATOR = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
const VALIDATOR = 'FFdDXFK1VKG6ig6QvuZKRAh4cVFz5Y3LBPjRh9yvrhFxKrn';
const STASH = 'GXPPBuUaZYYYvsEquX55AQ1MRvgZ96kniEKyAVDSdv1SX96';

const alert = (id: string, facts: Alert['facts']): Alert => ({
  id,
  severity: 'warning',
  scope: { type: 'address', address: NOMINATOR },
  version: 1,
  relayBlock: 1,
  dataAtMs: 0,
  facts,
});
const chilled = alert('chilled', { kind: 'target-chilled', address: NOMINATOR, validator: VALIDATOR });
const left = alert('left', { kind: 'target-left-active', address: NOMINATOR, validator: STASH, era: 7 });
const submitted = alert('ref', { kind: 'ref-submitted', referendum: 3, track: 0, proposal: null });

describe('alerts name the accounts they show', () => {
  let dynamo: TestDynamo;
  let store: SnapshotStore;
  let named: StorePointer;
  let renamed: StorePointer;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    store = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable('alert-names') });
    const identity = (id: string, data: unknown) => ({ kind: ENTITY.identity, id, data });
    await store.writeVersion({}, [
      identity(VALIDATOR, { display: 'Aurora Staking', sub: null, verified: true }),
      identity(STASH, { display: 'Basalt Node', sub: 'stash-2', verified: false }),
    ]);
    named = (await store.getPointer())!;
    await store.writeVersion({}, [
      identity(VALIDATOR, { display: 'Aurora Renamed', sub: null, verified: false }),
    ]);
    renamed = (await store.getPointer())!;
  }, 60_000);
  afterAll(async () => {
    await dynamo?.close();
  });

  it('attaches the names of the version detected on, and the message words them as the replies do', async () => {
    const notes: string[] = [];
    const [a, b, c] = await nameAlerts(store, named, [chilled, left, submitted], notes);
    expect(notes).toEqual([]);
    expect(a!.names).toEqual({ [VALIDATOR]: { display: 'Aurora Staking', sub: null, verified: true } });
    expect(b!.names).toEqual({ [STASH]: { display: 'Basalt Node', sub: 'stash-2', verified: false } });
    expect(c).toEqual(submitted);
    const lines = alertMessage(a!, { nowMs: 0 }).lines;
    expect(lines[0]).toMatch(/^Aurora Staking ✓ \(FFdDXF…xKrn\) was chilled/);
    expect(lines[1]).toBe('Nominator: HNZata…f74F');
    expect(alertMessage(b!, { nowMs: 0 }).lines[0]).toMatch(
      /^Basalt Node\/stash-2 \(GXPPBu…SX96\) was not elected/,
    );
    const [later] = await nameAlerts(store, renamed, [chilled], notes);
    expect(alertMessage(later!, { nowMs: 0 }).lines[0]).toMatch(
      /^Aurora Renamed \(FFdDXF…xKrn\) was chilled/,
    );
  });

  it('leaves the alerts bare with a note when the names cannot be read', async () => {
    const broken: Pick<SnapshotReader, 'getEntities'> = {
      getEntities: () => Promise.reject(new Error('store unreachable')),
    };
    const notes: string[] = [];
    const [a] = await nameAlerts(broken, named, [chilled], notes);
    expect(a).toEqual(chilled);
    expect(notes).toEqual([
      'the names of 2 addresses could not be read (store unreachable); alerts show them bare',
    ]);
    expect(alertMessage(a!, { nowMs: 0 }).lines[0]).toMatch(/^FFdDXF…xKrn was chilled/);
  });
});
