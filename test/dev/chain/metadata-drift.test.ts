import { Metadata, TypeRegistry } from '@polkadot/types';
import { describe, expect, it } from 'vitest';
import {
  appendField,
  driftMetadata,
  renameField,
  renameItem,
  setHashers,
} from '../../../dev/chain/metadata-drift.js';
import { assetHubRuntime } from '../../../dev/chain/runtimes.js';

function storageOf(bytes: Uint8Array, item: string) {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, bytes);
  registry.setMetadata(metadata);
  const staking = metadata.asLatest.pallets.find((p) => p.name.eq('Staking'))!.storage.unwrap();
  const entry = staking.items.find((i) => i.name.eq(item));
  return { registry, entry, names: staking.items.map((i) => i.name.toString()) };
}

describe.each([2_003_000, 1_009_003])('metadata drift on statemine %i', (spec) => {
  const bytes = assetHubRuntime(spec).metadataBytes();

  it('encodes the metadata it decoded byte for byte when nothing drifts', () => {
    expect(Buffer.from(driftMetadata(bytes)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('appends a field, renames a field or an item and swaps hashers, in the latest metadata', () => {
    const drifted = driftMetadata(
      bytes,
      appendField('Staking', 'Nominators', 'extra', 'u8'),
      appendField('Staking', 'Ledger', 'legacy_claimed_rewards', 'Vec<u32>'),
      renameField('Staking', 'Validators', 'blocked', 'closed'),
      renameItem('Staking', 'ErasTotalStake', 'ErasTotalStakeV2'),
      setHashers('Staking', 'Payee', ['Blake2_128Concat']),
    );
    const typeOf = (item: string) => {
      const { registry, entry } = storageOf(drifted, item);
      return registry.lookup.getTypeDef(entry!.type.asMap.value).type;
    };
    expect(JSON.parse(typeOf('Nominators'))).toEqual({
      targets: 'Vec<AccountId32>',
      submittedIn: 'u32',
      suppressed: 'bool',
      extra: 'u8',
    });
    expect(JSON.parse(typeOf('Ledger')).legacyClaimedRewards).toBe('Vec<u32>');
    expect(Object.keys(JSON.parse(typeOf('Validators')))).toEqual(['commission', 'closed']);
    const { names, entry } = storageOf(drifted, 'Payee');
    expect(names).toContain('ErasTotalStakeV2');
    expect(names).not.toContain('ErasTotalStake');
    expect(entry!.type.asMap.hashers.map(String)).toEqual(['Blake2_128Concat']);
  });

  it('refuses drifts it cannot apply', () => {
    expect(() => driftMetadata(bytes, renameItem('Staking', 'Nope', 'X'))).toThrow(
      /no storage item Staking\.Nope/,
    );
    expect(() => driftMetadata(bytes, appendField('Staking', 'CurrentEra', 'x', 'u8'))).toThrow(
      /does not store a composite/,
    );
    expect(() => driftMetadata(bytes, setHashers('Staking', 'Ledger', ['Identity', 'Identity']))).toThrow(
      /has 1 hashers/,
    );
    expect(() => driftMetadata(bytes, appendField('Staking', 'Nominators', 'x', 'f32'))).toThrow(
      /type f32 is not supported/,
    );
  });
});
