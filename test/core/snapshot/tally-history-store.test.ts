/**
 * The tally history across snapshot runs, through the real store over dynalite: each run reads
 * what the version before kept and appends the tally when it changed; an unchanged tally writes
 * nothing; an ended referendum's history goes.
 */
import { describe, expect, it } from 'vitest';
import { parseTallyHistory } from '../../../core/opengov/tally-history.js';
import type { SnapshotReader } from '../../../core/ports/snapshot-reader.js';
import { ENTITY } from '../../../core/snapshot/entities.js';
import { nextTallyHistories, type TallySource } from '../../../core/snapshot/tally-history-entities.js';
import type { ReferendumInfo, Tally } from '../../../core/types/governance.js';
import { useStoreHarness } from '../../lambdas/store/snapshot/store-setup.js';

const harness = useStoreHarness();

function ongoing(id: number, tally: Tally): ReferendumInfo {
  return {
    status: 'ongoing',
    id,
    track: 0,
    origin: 'system.Root',
    proposal: { kind: 'Legacy', hash: '0x00' },
    enactment: { kind: 'After', blocks: 10 },
    submitted: 1,
    submissionDeposit: { who: 'a', amount: 1n },
    decisionDeposit: { who: 'a', amount: 1n },
    deciding: { since: 2, confirming: null },
    tally,
    inQueue: false,
    alarm: null,
  };
}

function source(relayBlock: number, referenda: ReferendumInfo[]): TallySource {
  return {
    anchor: { relayBlock },
    governance: { referenda: Object.fromEntries(referenda.map((r) => [r.id, r])) },
  };
}

const t = (ayes: bigint, support = ayes): Tally => ({ ayes, nays: 1n, support });

async function history(reader: SnapshotReader, id: number) {
  return parseTallyHistory(await reader.getEntity(ENTITY.tallyHistory, String(id)));
}

describe('tally history in the snapshot store', () => {
  it('appends changed tallies run after run, writes nothing for an unchanged one, and drops ended referenda', async () => {
    const { store } = await harness.fresh('tally-history');
    const run = async (s: TallySource) => store.writeVersion({}, await nextTallyHistories(s, store));

    await run(source(100, [ongoing(5, t(10n)), ongoing(7, t(1n))]));
    const second = await run(source(200, [ongoing(5, t(12n)), ongoing(7, t(1n))]));
    expect(second).toMatchObject({ entitiesChanged: 1, entitiesUnchanged: 1 });
    const third = await run(source(300, [ongoing(5, t(12n)), ongoing(7, t(1n))]));
    expect(third).toMatchObject({ entitiesChanged: 0, entitiesUnchanged: 2 });
    await run(
      source(400, [
        ongoing(5, t(12n, 30n)),
        { status: 'approved', id: 7, block: 390, submissionDeposit: null, decisionDeposit: null },
      ]),
    );

    expect(await history(store, 5)).toEqual([
      { block: 100, ayes: 10n, nays: 1n, support: 10n },
      { block: 200, ayes: 12n, nays: 1n, support: 12n },
      { block: 400, ayes: 12n, nays: 1n, support: 30n },
    ]);
    expect(await store.getEntity(ENTITY.tallyHistory, '7')).toBeUndefined();
  });

  it('starts a fresh history over a stored item that is not one, rather than failing the run', async () => {
    const { store } = await harness.fresh('tally-history-bad');
    await store.writeVersion({}, [{ kind: ENTITY.tallyHistory, id: '5', data: { samples: 'garbage' } }]);
    await store.writeVersion({}, await nextTallyHistories(source(500, [ongoing(5, t(3n))]), store));
    expect(await history(store, 5)).toEqual([{ block: 500, ayes: 3n, nays: 1n, support: 3n }]);
  });

  it('fails the run when the stored histories cannot be read, so none is lost', async () => {
    const broken: SnapshotReader = {
      getPointer: async () => undefined,
      getEntity: async () => undefined,
      getEntities: async () => {
        throw new Error('throttled');
      },
      getVersionInfo: async () => undefined,
    };
    await expect(nextTallyHistories(source(600, [ongoing(5, t(3n))]), broken)).rejects.toThrow('throttled');
  });
});
