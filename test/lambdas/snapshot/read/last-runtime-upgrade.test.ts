import { TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { lastRuntimeUpgradeOf } from '../../../../lambdas/snapshot/read/chain-metadata.js';

const registry = new TypeRegistry();
const encode = (specVersion: number, specName: string) =>
  u8aToHex(registry.createType('LastRuntimeUpgradeInfo', { specVersion, specName }).toU8a());

describe('System.LastRuntimeUpgrade', () => {
  it('names the runtime that wrote the state: spec version and name', () => {
    expect(lastRuntimeUpgradeOf(encode(1_006_001, 'coretime-kusama'))).toEqual({
      specName: 'coretime-kusama',
      specVersion: 1_006_001,
    });
    expect(lastRuntimeUpgradeOf(encode(2_003_000, 'kusama'))).toEqual({
      specName: 'kusama',
      specVersion: 2_003_000,
    });
  });

  it('is null when absent or when the bytes are not that layout, so the reader asks for the version', () => {
    expect(lastRuntimeUpgradeOf(null)).toBeNull();
    expect(lastRuntimeUpgradeOf(undefined)).toBeNull();
    expect(lastRuntimeUpgradeOf(`${encode(1, 'kusama')}00`)).toBeNull();
    expect(lastRuntimeUpgradeOf(encode(1, 'kusama').slice(0, -2))).toBeNull();
    expect(lastRuntimeUpgradeOf('0x1004ff')).toBeNull();
  });
});
