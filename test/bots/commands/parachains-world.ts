/**
 * The small scenario's snapshot written into dynalite with the parachains fixture's entities
 * (`parachains/current`, `crowdloan/<address>`, `index/crowdloans`) and the names of its accounts
 * beside it: what the parachain command tests and golden files answer from. `missing` is a version
 * without parachain or crowdloan data, `noCoretime` one whose Coretime chain was not read, `big` the
 * largest picture the answers must still fit.
 */
import { type CommandContext, commandContext, SnapshotCache } from '../../../bots/commands/index.js';
import { ENTITY, type Entity, INDEX_ID, PARACHAINS_ID } from '../../../core/snapshot/entities.js';
import { snapshotEntities } from '../../../core/snapshot/snapshot-entities.js';
import type { Snapshot } from '../../../core/types/index.js';
import { generateScenario } from '../../../dev/scenario/index.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { bigParachainsFixture, type ParachainsFixture, parachainsFixture } from './parachains-fixture.js';
import { NAMES } from './treasury-world.js';

export type ParachainsTable = 'main' | 'missing' | 'noCoretime' | 'big';

export interface ParachainsWorld {
  fixture: ParachainsFixture;
  /** Chain time of the snapshot, ms. */
  chainTimeMs: number;
  context(table?: ParachainsTable, reads?: string[]): CommandContext;
  close(): Promise<void>;
}

export function parachainEntities(f: ParachainsFixture): Entity[] {
  return [
    { kind: ENTITY.parachains, id: PARACHAINS_ID, data: f.entity },
    { kind: ENTITY.index, id: INDEX_ID.crowdloans, data: f.index },
    ...f.accounts.map((a) => ({ kind: ENTITY.crowdloan, id: a.address, data: a })),
  ];
}

export async function startParachainsWorld(): Promise<ParachainsWorld> {
  const dynamo: TestDynamo = await startTestDynamo();
  try {
    const scenario = generateScenario({ size: 'small', seed: 7 });
    const snapshot: Snapshot = {
      ...scenario.expected,
      anchor: { ...scenario.expected.anchor, blockHash: '0xab', blockNumber: 9, genesisHash: '0x01' },
    };
    const now = snapshot.anchor.relayBlock;
    const chainTimeMs = snapshot.anchor.timestampMs;
    const committedAtMs = chainTimeMs + 120_000;
    const fixture = parachainsFixture(now);
    const meta = { relayBlock: now, blockNumber: 9, blockHash: '0xab' };
    const base = [...snapshotEntities(snapshot, [], undefined, NAMES)].filter(
      (e) =>
        e.kind !== ENTITY.parachains &&
        e.kind !== ENTITY.crowdloan &&
        !(e.kind === ENTITY.index && e.id === INDEX_ID.crowdloans),
    );
    const store = async (label: string, entities: Entity[]) => {
      const s = createDynamoStore({
        client: dynamo.client,
        tableName: await dynamo.newTable(label),
        now: () => committedAtMs,
      });
      await s.writeVersion(meta, entities, meta);
      return s;
    };
    const relayOnly: ParachainsFixture = { ...fixture, entity: { ...fixture.entity, coretime: null } };
    const stores = {
      main: await store('parachains', [...base, ...parachainEntities(fixture)]),
      missing: await store('parachains-missing', base),
      noCoretime: await store('parachains-relay-only', [...base, ...parachainEntities(relayOnly)]),
      big: await store('parachains-big', [...base, ...parachainEntities(bigParachainsFixture(now))]),
    };
    return {
      fixture,
      chainTimeMs,
      context: (table = 'main', reads) =>
        commandContext({
          store: reads
            ? {
                getPointer: () => stores[table].getPointer(),
                getEntity: (kind, id, options) => {
                  reads.push(`${kind}/${id}`);
                  return stores[table].getEntity(kind, id, options);
                },
                getEntities: (kind, ids, options) => stores[table].getEntities(kind, ids, options),
                getVersionInfo: (version) => stores[table].getVersionInfo(version),
              }
            : stores[table],
          caller: null,
          now: () => committedAtMs + 60_000,
          staleAfterMs: 15 * 60_000,
          cache: new SnapshotCache(),
        }),
      close: () => dynamo.close(),
    };
  } catch (error) {
    await dynamo.close();
    throw error;
  }
}
