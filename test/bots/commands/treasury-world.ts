/**
 * The small scenario's snapshot written into dynalite with the treasury and bounty entities of
 * treasury-fixture.ts (and the names of its accounts) beside it: what the treasury command tests
 * and the treasury golden files answer from. `noMultiAsset` is the runtime without the
 * multi-asset bounties pallet (statemine 1,009,003); `missing` a version without treasury data.
 */
import { type CommandContext, commandContext, SnapshotCache } from '../../../bots/commands/index.js';
import type { AccountName } from '../../../core/identity/identity-types.js';
import type { ReferendumEntity } from '../../../core/snapshot/entities.js';
import { ENTITY, type Entity, INDEX_ID, TREASURY_ID } from '../../../core/snapshot/entities.js';
import { snapshotEntities } from '../../../core/snapshot/snapshot-entities.js';
import type { Snapshot } from '../../../core/types/index.js';
import { generateScenario, type Scenario } from '../../../dev/scenario/index.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';
import { bigTreasuryFixture, LONG_NAMES } from './treasury-big.js';
import { ALICE, CAROL, TREASURY_ACCOUNT, type TreasuryFixture, treasuryFixture } from './treasury-fixture.js';

export type TreasuryTable = 'main' | 'noMultiAsset' | 'missing' | 'big' | 'scenario' | 'scenario1009003';

export interface TreasuryWorld {
  fixture: TreasuryFixture;
  /** The small scenario (seed 7) on statemine 2,003,000 and on 1,009,003, whose expected treasury the `scenario*` tables hold. */
  scenarios: { scenario: Scenario; scenario1009003: Scenario };
  snapshot: Snapshot;
  /** Chain time of the snapshot, ms. */
  chainTimeMs: number;
  committedAtMs: number;
  context(table?: TreasuryTable, reads?: string[]): CommandContext;
  close(): Promise<void>;
}

export const NAMES: Record<string, AccountName> = {
  [ALICE]: { display: 'Alice', sub: null, verified: true },
  [CAROL]: { display: 'Carol', sub: 'curator', verified: false },
  [TREASURY_ACCOUNT]: { display: 'Treasury', sub: null, verified: false },
};

function treasuryEntities(fixture: TreasuryFixture): Entity[] {
  return [
    { kind: ENTITY.treasury, id: TREASURY_ID, data: fixture.state },
    { kind: ENTITY.index, id: INDEX_ID.bounties, data: fixture.index },
    ...fixture.bounties.map((b) => ({ kind: ENTITY.bounty, id: b.ref, data: b })),
  ];
}

const isTreasury = (e: Entity) =>
  e.kind === ENTITY.treasury ||
  e.kind === ENTITY.bounty ||
  (e.kind === ENTITY.index && e.id === INDEX_ID.bounties);

function withoutTreasury(entities: Iterable<Entity>): Entity[] {
  return [...entities].filter((e) => !isTreasury(e));
}

/** A scenario's snapshot with its treasury, as a version of its own. */
function scenarioEntities(scenario: Scenario): { entities: Entity[]; relayBlock: number } {
  const snapshot: Snapshot = {
    ...scenario.expected,
    anchor: { ...scenario.expected.anchor, blockHash: '0xab', blockNumber: 9, genesisHash: '0x01' },
  };
  return {
    // The snapshot's own cut yields the treasury entities of its expected treasury.
    entities: [...snapshotEntities(snapshot)],
    relayBlock: snapshot.anchor.relayBlock,
  };
}

/** The referendum that approved spend 3, with its title (spend 4's referendum has none stored). */
function approvingReferendum(snapshot: Snapshot): Entity {
  const any = Object.values(snapshot.governance.referenda)[0]!;
  const data: ReferendumEntity = {
    info: any,
    proposal: null,
    title: { text: 'Kusama Vision: ecosystem events 2026', source: 'subsquare' },
    trackDecidingCount: 0,
    queuePosition: null,
  };
  return { kind: ENTITY.referendum, id: '401', data };
}

/** `big`: the largest treasury the answers must still fit (treasury-big.ts). */
export async function startTreasuryWorld(commitDelayMs = 120_000, withBig = false): Promise<TreasuryWorld> {
  const dynamo: TestDynamo = await startTestDynamo();
  try {
    const scenario = generateScenario({ size: 'small', seed: 7 });
    const snapshot: Snapshot = {
      ...scenario.expected,
      anchor: { ...scenario.expected.anchor, blockHash: '0xab', blockNumber: 9, genesisHash: '0x01' },
    };
    const now = snapshot.anchor.relayBlock;
    const chainTimeMs = snapshot.anchor.timestampMs;
    const committedAtMs = chainTimeMs + commitDelayMs;
    const fixture = treasuryFixture(now);
    const meta = { relayBlock: now, blockNumber: 9, blockHash: '0xab' };
    // The scenario's own treasury entities make way for the fixture's.
    const base = [
      ...withoutTreasury(snapshotEntities(snapshot, [], undefined, NAMES)),
      approvingReferendum(snapshot),
    ];
    const store = async (label: string, entities: Entity[]) => {
      const s = createDynamoStore({
        client: dynamo.client,
        tableName: await dynamo.newTable(label),
        now: () => committedAtMs,
      });
      await s.writeVersion(meta, entities, meta);
      return s;
    };
    const scenarios = {
      scenario: generateScenario({ size: 'small', seed: 7 }),
      scenario1009003: generateScenario({ size: 'small', seed: 7, runtime: 1_009_003 }),
    };
    const scenarioStore = async (label: string, which: Scenario) => {
      const { entities, relayBlock } = scenarioEntities(which);
      const m = { relayBlock, blockNumber: 9, blockHash: '0xab' };
      const s = createDynamoStore({
        client: dynamo.client,
        tableName: await dynamo.newTable(label),
        now: () => committedAtMs,
      });
      await s.writeVersion(m, entities, m);
      return s;
    };
    const stores = {
      scenario: await scenarioStore('treasury-scenario', scenarios.scenario),
      scenario1009003: await scenarioStore('treasury-scenario-1009003', scenarios.scenario1009003),
      main: await store('treasury', [...base, ...treasuryEntities(fixture)]),
      noMultiAsset: await store('treasury-1009003', [
        ...base,
        ...treasuryEntities(treasuryFixture(now, false)),
      ]),
      missing: await store('treasury-missing', base),
      big: withBig
        ? await store('treasury-big', [
            ...withoutTreasury(snapshotEntities(snapshot, [], undefined, LONG_NAMES)),
            ...treasuryEntities(bigTreasuryFixture(now)),
          ])
        : await store('treasury-big', base),
    };
    return {
      fixture,
      scenarios,
      snapshot,
      chainTimeMs,
      committedAtMs,
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
