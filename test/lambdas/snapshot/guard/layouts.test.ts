import { readFileSync } from 'node:fs';
import { TypeRegistry } from '@polkadot/types';
import { describe, expect, it } from 'vitest';
import { appendField, renameField, renameItem, setHashers } from '../../../../dev/chain/metadata-drift.js';
import { checkLayouts } from '../../../../lambdas/snapshot/guard/check.js';
import { DECLARED_ITEMS } from '../../../../lambdas/snapshot/guard/declared.js';
import { describeKeys, itemId, keyLayout } from '../../../../lambdas/snapshot/guard/item.js';
import { L } from '../../../../lambdas/snapshot/guard/layout.js';
import { layoutOf } from '../../../../lambdas/snapshot/guard/signature.js';
import { runtimeMetadata } from './metadata-fixture.js';

const valueLayout = (m: ReturnType<typeof runtimeMetadata>, pallet: string, item: string) =>
  layoutOf(m.lookup, m.storageEntry(pallet, item)!.value);

describe.each([2_003_000, 1_009_003])('declared layouts on statemine %i', (spec) => {
  const metadata = runtimeMetadata(spec);

  it('match every declared item: no problem, no warning, nothing decoded through the metadata', () => {
    expect(checkLayouts(DECLARED_ITEMS, metadata)).toEqual({
      viaMetadata: new Set(),
      warnings: [],
      problems: [],
    });
    for (const item of DECLARED_ITEMS) {
      const entry = metadata.storageEntry(item.pallet, item.item);
      // Items only newer runtimes have are absent from 1,009,003, and that absence means something.
      if (!entry && item.absentMeans && spec < 2_003_000) continue;
      expect(entry, itemId(item)).toBeDefined();
      if (item.value !== null) expect(layoutOf(metadata.lookup, entry!.value), itemId(item)).toBe(item.value);
      expect(entry!.keys.map((k) => layoutOf(metadata.lookup, k))).toEqual(
        item.keys.map(([, p]) => keyLayout(p)),
      );
      expect(entry!.hashers).toEqual(item.keys.map(([h]) => h));
    }
  });

  it('reads layouts by structure: wrappers vanish, Option and enums keep their variants', () => {
    expect(valueLayout(metadata, 'Staking', 'ActiveEra')).toBe('{u32,Option<u64>}');
    expect(valueLayout(metadata, 'Staking', 'Payee')).toBe(
      'enum{0:Staked,1:Stash,2:Controller,3:Account([u8;32]),4:None}',
    );
    expect(valueLayout(metadata, 'Staking', 'ErasRewardPoints')).toBe('{u32,Vec<([u8;32],u32)>}');
    expect(valueLayout(metadata, 'Staking', 'ValidatorSlashInEra')).toBe('(u32,u128)');
    expect(valueLayout(metadata, 'Staking', 'Validators')).toBe('{Compact<u32>,bool}');
    expect(L.enum('A', ['B', L.u8, L.bool])).toBe('enum{0:A,1:B(u8,bool)}');
    expect(L.struct(L.u32)).toBe('u32');
    expect(L.tuple()).toBe('()');
  });
});

describe('layout drift, checked against the metadata (statemine 2,003,000)', () => {
  const check = (...drifts: Parameters<typeof runtimeMetadata>[1] & object) =>
    checkLayouts(DECLARED_ITEMS, runtimeMetadata(2_003_000, drifts));

  it('ignores a renamed field: names are not layout', () => {
    expect(check(renameField('Staking', 'Validators', 'blocked', 'closed')).warnings).toEqual([]);
  });

  it('decodes an item with an appended field through the metadata, and says what changed', () => {
    const verdict = check(appendField('Staking', 'Nominators', 'extra', 'u8'));
    expect(verdict.problems).toEqual([]);
    expect([...verdict.viaMetadata]).toEqual(['Staking.Nominators']);
    expect(verdict.warnings).toEqual([
      'Staking.Nominators: value layout changed (expected {Vec<[u8;32]>,u32,bool}, found {Vec<[u8;32]>,u32,bool,u8}); decoded through the metadata',
    ]);
  });

  it('fails when the changed type lost a field the fallback reads', () => {
    const verdict = check(
      appendField('Staking', 'Nominators', 'extra', 'u8'),
      renameField('Staking', 'Nominators', 'submitted_in', 'since'),
    );
    expect(verdict.viaMetadata.size).toBe(0);
    expect(verdict.problems).toEqual([
      'Staking.Nominators: value layout changed (expected {Vec<[u8;32]>,u32,bool}, found {Vec<[u8;32]>,u32,bool,u8}), without submitted_in',
    ]);
  });

  it('fails on a changed layout of an item without a fallback', () => {
    expect(check(appendField('Staking', 'ActiveEra', 'extra', 'u8')).problems).toEqual([
      'Staking.ActiveEra: value layout changed (expected {u32,Option<u64>}, found {u32,Option<u64>,u8})',
    ]);
  });

  it('fails on a changed key hasher, of a hand-decoded value or of a key read for a metadata-decoded one', () => {
    expect(
      check(
        setHashers('Staking', 'Nominators', ['Blake2_128Concat']),
        setHashers('Referenda', 'ReferendumInfoFor', ['Twox64Concat']),
      ).problems,
    ).toEqual([
      'Referenda.ReferendumInfoFor: key changed (expected Blake2_128Concat(u32), found Twox64Concat(u32))',
      'Staking.Nominators: key changed (expected Twox64Concat([u8;32]), found Blake2_128Concat([u8;32]))',
    ]);
  });

  it('fails on a renamed required item, and only warns about a missing optional one', () => {
    const verdict = check(
      renameItem('Staking', 'ErasTotalStake', 'ErasTotalStakeV2'),
      renameItem('Staking', 'OffenceQueueEras', 'OffenceQueue'),
    );
    expect(verdict.problems).toEqual(["Staking.ErasTotalStake is not in this runtime's metadata"]);
    expect(verdict.warnings).toEqual([
      "Staking.OffenceQueueEras is not in this runtime's metadata; not read",
    ]);
  });
});

describe('layouts of a type that contains itself', () => {
  it('name the type by its id where it recurs, instead of looping', () => {
    const lookup = new TypeRegistry().createType('PortableRegistry', {
      types: [
        { id: 0, type: { def: { composite: { fields: [{ type: 1 }, { type: 2 }] } } } },
        { id: 1, type: { def: { primitive: 'U32' } } },
        { id: 2, type: { def: { sequence: { type: 0 } } } },
      ],
    });
    expect(layoutOf(lookup, 0)).toBe('{u32,Vec<#0>}');
  });
});

describe('the list of hand-decoded items', () => {
  it('declares each item once', () => {
    const ids = DECLARED_ITEMS.map(itemId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is the guard README's table, with each item's key and value", () => {
    const readme = readFileSync(
      new URL('../../../../lambdas/snapshot/guard/README.md', import.meta.url),
      'utf8',
    );
    const rows = [...readme.matchAll(/^\| `([\w.]+)` \| (.+?) \| (.+?) \|/gm)].map((m) => m.slice(1, 4));
    const expected = DECLARED_ITEMS.map((item) => {
      const keys = describeKeys(item.keys.map(([h, p]) => [h, keyLayout(p)] as const));
      return [
        itemId(item),
        keys === 'plain' ? keys : `\`${keys}\``,
        item.value === null ? 'through the metadata' : `\`${item.value}\``,
      ];
    });
    expect(rows).toEqual(expected);
  });
});
