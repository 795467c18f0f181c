/**
 * Cross-checks the hard-coded Kusama tracks against the `referenda.tracks` constant in the Kusama
 * Asset Hub metadata that @polkadot/types-support ships, decoding the raw, zero-padded names with
 * `trackName`.
 */
import { Metadata, TypeRegistry } from '@polkadot/types';
import kusamaAssetHubHex from '@polkadot/types-support/metadata/v15/asset-hub-kusama-hex';
import { compactFromU8a, hexToU8a } from '@polkadot/util';
import { describe, expect, it } from 'vitest';
import { trackName } from '../../../core/opengov/tracks.js';
import type { Curve, TrackInfo } from '../../../core/types/governance.js';
import { KUSAMA_TRACKS } from '../../fixtures/kusama-tracks.js';

interface Codec {
  toU8a(bare?: boolean): Uint8Array;
  toNumber(): number;
  toBigInt(): bigint;
}

interface CurveCodec {
  isLinearDecreasing: boolean;
  isSteppedDecreasing: boolean;
  asLinearDecreasing: Record<'length' | 'floor' | 'ceil', Codec>;
  asReciprocal: Record<'factor' | 'xOffset' | 'yOffset', Codec>;
}

function decodeCurve(c: CurveCodec): Curve {
  if (c.isLinearDecreasing) {
    const v = c.asLinearDecreasing;
    return {
      type: 'LinearDecreasing',
      length: v.length.toNumber(),
      floor: v.floor.toNumber(),
      ceil: v.ceil.toNumber(),
    };
  }
  if (c.isSteppedDecreasing) throw new Error('no Kusama track uses a stepped curve');
  const v = c.asReciprocal;
  return {
    type: 'Reciprocal',
    factor: v.factor.toBigInt(),
    xOffset: v.xOffset.toBigInt(),
    yOffset: v.yOffset.toBigInt(),
  };
}

function decodeTracks(): TrackInfo[] {
  // Option<OpaqueMetadata>: 0x01, then a compact length, then the metadata itself.
  const raw = hexToU8a(kusamaAssetHubHex);
  const [offset, length] = compactFromU8a(raw.subarray(1));
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, raw.subarray(1 + offset, 1 + offset + length.toNumber()));
  registry.setMetadata(metadata);
  const pallet = metadata.asLatest.pallets.find((p) => p.name.toString() === 'Referenda');
  const constant = pallet?.constants.find((c) => c.name.toString() === 'Tracks');
  if (!constant) throw new Error('referenda.tracks missing from the metadata');
  const type = registry.lookup.getTypeDef(constant.type).type;
  const tracks = registry.createType(type, constant.value) as unknown as Array<
    [Codec, Record<string, Codec>]
  >;
  return tracks.map(([id, d]) => ({
    id: id.toNumber(),
    name: trackName(d.name!.toU8a(true)),
    maxDeciding: d.maxDeciding!.toNumber(),
    decisionDeposit: d.decisionDeposit!.toBigInt(),
    preparePeriod: d.preparePeriod!.toNumber(),
    decisionPeriod: d.decisionPeriod!.toNumber(),
    confirmPeriod: d.confirmPeriod!.toNumber(),
    minEnactmentPeriod: d.minEnactmentPeriod!.toNumber(),
    minApproval: decodeCurve(d.minApproval as unknown as CurveCodec),
    minSupport: decodeCurve(d.minSupport as unknown as CurveCodec),
  }));
}

describe('Kusama tracks fixture', () => {
  it('matches referenda.tracks in the Kusama Asset Hub metadata, value for value', () => {
    const decoded = decodeTracks();
    expect(decoded).toHaveLength(16);
    expect(decoded).toEqual(KUSAMA_TRACKS);
  });
});
