/**
 * A snapshot of the small scenario written straight into dynalite, with conviction-voting entities
 * built by hand in place of the reader's: voter records, the voting rules and the referendum
 * outcomes. What the /votes and /delegate command tests answer from.
 */
import { type CommandContext, commandContext, SnapshotCache } from '../../../bots/commands/index.js';
import type { SnapshotReader } from '../../../core/ports/snapshot-reader.js';
import type { SnapshotStore } from '../../../core/ports/snapshot-store.js';
import { ENTITY, type Entity, INDEX_ID } from '../../../core/snapshot/entities.js';
import { snapshotEntities } from '../../../core/snapshot/snapshot-entities.js';
import type { Snapshot } from '../../../core/types/index.js';
import type { VoterRecord, VotingRules } from '../../../core/types/voting.js';
import { endedOutcomes, type ReferendumOutcomes } from '../../../core/voting/outcomes.js';
import { generateScenario, type Scenario } from '../../../dev/scenario/index.js';
import { createDynamoStore } from '../../../lambdas/store/snapshot/index.js';
import { startTestDynamo, type TestDynamo } from '../../helpers/dynamo.js';

export interface VotesWorld {
  scenario: Scenario;
  snapshot: Snapshot;
  /** Counts every read the commands make. */
  reads: { getEntity: string[]; getEntities: number };
  context(store?: 'main' | 'old' | 'noRules'): CommandContext;
  close(): Promise<void>;
}

export interface VotingSeed {
  voters: Record<string, VoterRecord>;
  /** Extra ended referenda beside the scenario's (id → status and end block). */
  outcomes?: ReferendumOutcomes;
  rules: VotingRules;
}

/** The scenario's entities without its own voting kinds, which the seed replaces. */
function baseEntities(snapshot: Snapshot): Entity[] {
  return [...snapshotEntities(snapshot)].filter(
    (e) =>
      e.kind !== ENTITY.voting &&
      e.kind !== ENTITY.votingRules &&
      !(e.kind === ENTITY.index && e.id === INDEX_ID.outcomes),
  );
}

function counting(store: SnapshotReader, reads: VotesWorld['reads']): SnapshotReader {
  return {
    getPointer: () => store.getPointer(),
    getEntity: (kind, id, options) => {
      reads.getEntity.push(`${kind}/${id}`);
      return store.getEntity(kind, id, options);
    },
    getEntities: (kind, ids, options) => {
      reads.getEntities += 1;
      return store.getEntities(kind, ids, options);
    },
    getVersionInfo: (version) => store.getVersionInfo(version),
  };
}

export async function startVotesWorld(seedOf: (scenario: Scenario) => VotingSeed): Promise<VotesWorld> {
  const dynamo: TestDynamo = await startTestDynamo();
  try {
    const scenario = generateScenario({ size: 'small', seed: 7 });
    const snapshot: Snapshot = {
      ...scenario.expected,
      anchor: { ...scenario.expected.anchor, blockHash: '0xab', blockNumber: 9, genesisHash: '0x01' },
    };
    const seed = seedOf(scenario);
    const meta = { relayBlock: snapshot.anchor.relayBlock, blockNumber: 9, blockHash: '0xab' };
    const outcomes = { ...endedOutcomes(snapshot.governance.referenda), ...seed.outcomes };
    const voting: Entity[] = [
      ...Object.entries(seed.voters).map(([id, data]) => ({ kind: ENTITY.voting, id, data })),
      { kind: ENTITY.votingRules, id: 'current', data: seed.rules },
      { kind: ENTITY.index, id: INDEX_ID.outcomes, data: outcomes },
    ];
    const store = async (label: string, entities: Entity[]): Promise<SnapshotStore> => {
      const s = createDynamoStore({ client: dynamo.client, tableName: await dynamo.newTable(label) });
      await s.writeVersion(meta, entities, meta);
      return s;
    };
    const base = baseEntities(snapshot);
    const stores = {
      main: await store('votes', [...base, ...voting]),
      // Voting as versions before full voting stored it: per-track states, no rules, no outcomes.
      old: await store('votes-old', [
        ...base,
        ...Object.keys(seed.voters).map((id) => ({
          kind: ENTITY.voting,
          id,
          data: { 11: { type: 'none' } },
        })),
      ]),
      noRules: await store('votes-no-rules', [
        ...base,
        ...voting.filter((e) => e.kind !== ENTITY.votingRules),
      ]),
    };
    const committedAt = (await stores.main.getPointer())!.committedAt;
    const reads: VotesWorld['reads'] = { getEntity: [], getEntities: 0 };
    return {
      scenario,
      snapshot,
      reads,
      context: (which = 'main') =>
        commandContext({
          store: counting(stores[which], reads),
          caller: null,
          now: () => committedAt + 60_000,
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
