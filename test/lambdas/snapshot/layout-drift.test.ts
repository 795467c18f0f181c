/**
 * Storage layout drift on a dev chain: every case ends in the data as seeded or in a failed read
 * that names the item, never in wrong or missing data read as if nothing had changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevChain } from '../../../dev/chain/devchain.js';
import {
  appendField,
  type MetadataDrift,
  renameItem,
  setHashers,
} from '../../../dev/chain/metadata-drift.js';
import {
  generateScenario,
  type Scenario,
  type StoragePair,
  seedStorage,
} from '../../../dev/scenario/index.js';
import { readSnapshot } from '../../../lambdas/snapshot/chain-reader.js';
import { StorageLayoutError, UndecodableItemError } from '../../../lambdas/snapshot/errors.js';
import { MemoryEraArchive } from '../../../lambdas/snapshot/read/era-archive.js';
import {
  appendBytes,
  driftedChain,
  movePrefix,
  pairsOf,
  rehashBlake2,
  rewriteItem,
} from './drift-fixture.js';

let scenario: Scenario;
const read = (chain: DevChain) =>
  readSnapshot({ assetHub: [chain.endpoint] }, { archive: new MemoryEraArchive() });

beforeAll(() => {
  scenario = generateScenario({ size: 'small', seed: 31 });
});

/** A chain on drifted metadata (as `spec`), its storage rewritten to match, for one describe block. */
function onDriftedChain(
  spec: number,
  drifts: MetadataDrift[],
  rewrite: (pairs: StoragePair[]) => StoragePair[],
) {
  const box: { chain?: DevChain } = {};
  beforeAll(async () => {
    box.chain = await driftedChain(spec, drifts, rewrite(scenario.storage));
  });
  afterAll(() => box.chain?.close());
  return () => box.chain!;
}

describe('values that no longer match the metadata (statemine 2,003,000)', () => {
  const chain = onDriftedChain(2_003_000, [], (pairs) => pairs);
  const drifted = async (pallet: string, item: string, bytes: string, run: () => Promise<void>) => {
    const original = pairsOf(scenario.storage, pallet, item);
    await seedStorage(chain().endpoint, rewriteItem(original, pallet, item, appendBytes(bytes)));
    try {
      await run();
    } finally {
      await seedStorage(chain().endpoint, original);
    }
  };

  it('reads the chain as seeded, without a warning', async () => {
    const { snapshot } = await read(chain());
    expect(snapshot.staking).toEqual(scenario.expected.staking);
    expect(snapshot.warnings).toEqual([]);
  });

  it('(a) an extra byte in every Staking.Nominators value fails the read', async () => {
    await drifted('Staking', 'Nominators', '07', async () => {
      const failed = read(chain());
      await expect(failed).rejects.toBeInstanceOf(UndecodableItemError);
      await expect(failed).rejects.toThrow(
        /^Staking\.Nominators: 607 of 607 entries did not decode \(first: staking\.nominators: 1 trailing bytes\)$/,
      );
    });
  });

  it('(b) 16 extra bytes in every Staking.Ledger value fail the read', async () => {
    await drifted('Staking', 'Ledger', '11'.repeat(16), async () => {
      await expect(read(chain())).rejects.toThrow(
        new UndecodableItemError(
          'Staking.Ledger: 624 of 624 entries did not decode (first: staking.ledger: 16 trailing bytes)',
        ),
      );
    });
  });
});

describe('(a) a u8 field appended to the nominations in the metadata, values to match', () => {
  const chain = onDriftedChain(2_003_101, [appendField('Staking', 'Nominators', 'extra', 'u8')], (pairs) =>
    rewriteItem(pairs, 'Staking', 'Nominators', appendBytes('07')),
  );

  it('reads the nominations through the metadata, as seeded, and says so', async () => {
    const { snapshot } = await read(chain());
    expect(snapshot.staking).toEqual(scenario.expected.staking);
    expect(snapshot.warnings).toEqual([
      'Staking.Nominators: value layout changed (expected {Vec<[u8;32]>,u32,bool}, found {Vec<[u8;32]>,u32,bool,u8}); decoded through the metadata (statemine 2003101)',
    ]);
  });
});

describe('(b) legacy claimed rewards appended to the ledger in the metadata, values to match', () => {
  // Vec<u32> [1, 2, 3]: a 12-byte body after its compact length.
  const chain = onDriftedChain(
    2_003_102,
    [appendField('Staking', 'Ledger', 'legacy_claimed_rewards', 'Vec<u32>')],
    (pairs) => rewriteItem(pairs, 'Staking', 'Ledger', appendBytes('0c010000000200000003000000')),
  );

  it('reads the ledgers through the metadata, as seeded, and says so', async () => {
    const { snapshot } = await read(chain());
    expect(snapshot.staking.ledgers).toEqual(scenario.expected.staking.ledgers);
    expect(snapshot.warnings).toHaveLength(1);
    expect(snapshot.warnings[0]).toMatch(
      /^Staking\.Ledger: value layout changed \(expected .*, found \{.*,Vec<u32>\}\); decoded through the metadata \(statemine 2003102\)$/,
    );
  });
});

describe('(c) Staking.ErasTotalStake renamed in the metadata, its storage moved with it', () => {
  const chain = onDriftedChain(
    2_003_103,
    [renameItem('Staking', 'ErasTotalStake', 'ErasTotalStakeV2')],
    (pairs) => rewriteItem(pairs, 'Staking', 'ErasTotalStake', movePrefix('Staking', 'ErasTotalStakeV2')),
  );

  it('fails the read naming the item, instead of reading every era total stake as 0', async () => {
    await expect(read(chain())).rejects.toThrow(
      new StorageLayoutError(
        "the storage layout of statemine 2003103 is not what the snapshot reads: Staking.ErasTotalStake is not in this runtime's metadata",
      ),
    );
  });
});

describe('(d) the Staking.Nominators key hashed with Blake2_128Concat in the metadata, keys to match', () => {
  const chain = onDriftedChain(
    2_003_104,
    [setHashers('Staking', 'Nominators', ['Blake2_128Concat'])],
    (pairs) => rewriteItem(pairs, 'Staking', 'Nominators', rehashBlake2),
  );

  it('fails the read, instead of reading the hash as part of the stash', async () => {
    const failed = read(chain());
    await expect(failed).rejects.toBeInstanceOf(StorageLayoutError);
    await expect(failed).rejects.toThrow(
      'Staking.Nominators: key changed (expected Twox64Concat([u8;32]), found Blake2_128Concat([u8;32]))',
    );
  });
});
