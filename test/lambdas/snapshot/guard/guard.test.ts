import { encodeAddress } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { appendField, setHashers } from '../../../../dev/chain/metadata-drift.js';
import { generateScenario } from '../../../../dev/scenario/index.js';
import { StorageLayoutError } from '../../../../lambdas/snapshot/errors.js';
import { DECLARED_ITEMS } from '../../../../lambdas/snapshot/guard/declared.js';
import { LayoutGuard } from '../../../../lambdas/snapshot/guard/guard.js';
import { type DecodedItem, itemId } from '../../../../lambdas/snapshot/guard/item.js';
import { storagePrefix } from '../../../../lambdas/snapshot/rpc/keys.js';
import { DecodeError } from '../../../../lambdas/snapshot/scale/errors.js';
import { LEDGER, NOMINATORS } from '../../../../lambdas/snapshot/scale/staking-codecs.js';
import { nominationsFallback } from '../../../../lambdas/snapshot/scale/staking-fallbacks.js';
import { runtimeMetadata } from './metadata-fixture.js';

describe('the layout guard of a run', () => {
  it('checks each runtime once, repeats its warnings in every snapshot, and decodes a changed item through the metadata', () => {
    const guard = new LayoutGuard();
    const drifted = runtimeMetadata(
      2_003_000,
      [appendField('Staking', 'Nominators', 'extra', 'u8')],
      2_003_101,
    );
    const warnings: string[] = [];
    const first = guard.decoders(drifted, (w) => warnings.push(w));
    guard.decoders(drifted, (w) => warnings.push(w));
    expect(guard.checks).toBe(1);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toBe(warnings[0]);
    expect(warnings[0]).toMatch(
      /^Staking\.Nominators: value layout changed \(expected \{Vec<\[u8;32\]>,u32,bool\}, found \{Vec<\[u8;32\]>,u32,bool,u8\}\); decoded through the metadata \(statemine 2003101\)$/,
    );

    const target = new Uint8Array(32).fill(9);
    const hex = drifted.encode('Staking', 'Nominators', {
      targets: [target],
      submittedIn: 5,
      suppressed: true,
      extra: 7,
    });
    expect(() => NOMINATORS.decode(hex, 's')).toThrow(/1 trailing bytes/);
    expect(first.decoder(NOMINATORS)(hex, 's')).toEqual({
      stash: 's',
      targets: [encodeAddress(target, 2)],
      submittedIn: 5,
      suppressed: true,
    });
    expect(first.decoder(LEDGER)).toBe(LEDGER.decode);

    guard.decoders(runtimeMetadata(2_003_000), (w) => warnings.push(w));
    expect(guard.checks).toBe(2);
    expect(warnings).toHaveLength(2);
  });

  it('fails every run on a runtime whose layout it cannot read, naming what changed', () => {
    const guard = new LayoutGuard();
    const drifted = runtimeMetadata(
      2_003_000,
      [setHashers('Staking', 'Nominators', ['Blake2_128Concat'])],
      2_003_104,
    );
    for (let run = 0; run < 2; run++) {
      expect(() => guard.decoders(drifted, () => undefined)).toThrow(StorageLayoutError);
      expect(() => guard.decoders(drifted, () => undefined)).toThrow(
        'the storage layout of statemine 2003104 is not what the snapshot reads: Staking.Nominators: key changed (expected Twox64Concat([u8;32]), found Blake2_128Concat([u8;32]))',
      );
    }
    expect(guard.checks).toBe(1);
  });
});

describe('fallbacks through the metadata', () => {
  const metadata = runtimeMetadata(2_003_000);
  const scenario = generateScenario({ size: 'small', seed: 5 });
  const decoded = DECLARED_ITEMS.filter((i): i is DecodedItem<[string], unknown> => i.fallback !== undefined);

  it.each(decoded.map((item) => [itemId(item), item] as const))(
    '%s: give what the hand decoder gives',
    (_, item) => {
      const prefix = storagePrefix(item.pallet, item.item);
      // An even sample of about 200: the exposure pages alone are a thousand.
      const all = scenario.storage.filter(([k]) => k.startsWith(prefix));
      const pairs = all.filter((_, i) => i % Math.ceil(all.length / 200) === 0);
      expect(pairs.length).toBeGreaterThan(0);
      for (const [, hex] of pairs) {
        const json = metadata.decode(item.pallet, item.item, hex).toJSON();
        expect(item.fallback.decode(json, 'who')).toEqual(item.decode(hex, 'who'));
      }
    },
  );

  it('refuse a value without a field they read', () => {
    expect(() => nominationsFallback.decode({ targets: [], suppressed: false }, 's')).toThrow(DecodeError);
    expect(() => nominationsFallback.decode({ targets: [], suppressed: false }, 's')).toThrow(
      'field submitted_in is not in the decoded value',
    );
  });
});
