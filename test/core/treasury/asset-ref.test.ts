import { describe, expect, it } from 'vitest';
import { assetKeyOfLocation, assetRefOfKey, placeAsset } from '../../../core/treasury/asset-ref.js';

const here = { parents: 0, interior: { here: null } };
const at = (assetId: unknown, version = 'v4') => ({ [version]: { location: here, assetId } });

describe('placing an asset', () => {
  it('names KSM, the Assets pallet by id and ForeignAssets by location, the same in every XCM version', () => {
    expect(placeAsset(at({ parents: 1, interior: { here: null } }), '0x01')).toEqual({
      key: 'native',
      symbol: 'KSM',
      decimals: 12,
    });
    expect(placeAsset(at({ concrete: { parents: 1, interior: 'Here' } }, 'v3'), '0x01').key).toBe('native');
    const usdt = { parents: 0, interior: { x2: [{ palletInstance: 50 }, { generalIndex: 1984 }] } };
    expect(placeAsset(at(usdt), '0x')).toEqual({ key: 'assets:1984', symbol: 'USDT', decimals: 6 });
    const v4 = { parents: 2, interior: { x1: [{ globalConsensus: { ethereum: { chainId: 1 } } }] } };
    const v3 = { Parents: 2, Interior: { X1: { GlobalConsensus: { Ethereum: { chainId: 1 } } } } };
    expect(assetKeyOfLocation(v4)).toBe(assetKeyOfLocation(v3));
    expect(assetKeyOfLocation(v4)).toBe(
      'foreign:{"parents":2,"interior":{"x1":[{"globalConsensus":{"ethereum":{"chainId":1}}}]}}',
    );
  });

  it("takes symbol and decimals from the chain's metadata before the known stablecoins", () => {
    const metadata = new Map([['assets:1984', { symbol: 'USDt', decimals: 6 }]]);
    expect(assetRefOfKey('assets:1984', metadata)).toEqual({
      key: 'assets:1984',
      symbol: 'USDt',
      decimals: 6,
    });
    expect(assetRefOfKey('assets:7', metadata)).toEqual({ key: 'assets:7', symbol: '#7', decimals: 0 });
  });

  it('leaves what it cannot place as unknown, keyed by its SCALE: an asset on another chain, a local location', () => {
    const elsewhere = {
      v4: {
        location: { parents: 1, interior: { x1: [{ parachain: 2000 }] } },
        assetId: { parents: 1, interior: 'Here' },
      },
    };
    expect(placeAsset(elsewhere, '0xabcd')).toEqual({
      key: 'unknown:0xabcd',
      symbol: 'unknown asset',
      decimals: 0,
    });
    expect(placeAsset(at(here), '0x02').key).toBe('unknown:0x02');
    expect(placeAsset(null, '0x03').key).toBe('unknown:0x03');
  });
});
