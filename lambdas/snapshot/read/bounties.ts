/**
 * Bounties at the pinned block, both pallets: `Bounties` with `ChildBounties`, and
 * `MultiAssetBounties` where the runtime has it. Phase one reads the keys of the four bounty maps;
 * phase two (with the treasury's values, one batch) reads the bounties, their descriptions and
 * per-parent counters by keys built from the ids, and the counts.
 */

import { hexToU8a } from '@polkadot/util';
import type { AssetMetadata } from '../../../core/treasury/asset-ref.js';
import { NATIVE_ASSET } from '../../../core/treasury/asset-ref.js';
import {
  type BountiesState,
  type Bounty,
  bountyRef,
  type ChildBounty,
} from '../../../core/types/treasury.js';
import { decodeMapKey, storagePrefix, twox64ConcatBytes, twox64ConcatU32 } from '../rpc/keys.js';
import { decodeU32, decodeU32Vec } from '../scale/staking-codecs.js';
import { BOUNTIES, CHILD_BOUNTIES, MULTI_BOUNTIES, MULTI_CHILD_BOUNTIES } from '../scale/treasury-values.js';
import { descriptionText, legacyCommon, multiCommon } from './bounties-decode.js';
import { decodeAll, type ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';
import { palletKeys } from './pallet-keys.js';

export interface BountyKeys {
  legacy: boolean;
  multi: boolean;
  bounties: string[];
  children: string[];
  multiBounties: string[];
  multiChildren: string[];
}

export async function readBountyKeys(ctx: ReadContext): Promise<BountyKeys | null> {
  const legacy = ctx.has('Bounties', 'Bounties');
  const multi = ctx.has('MultiAssetBounties', 'Bounties');
  if (!legacy && !multi) {
    ctx.warn('Bounties is not in this runtime; no bounties read');
    return null;
  }
  const [b, c, m] = await Promise.all([
    palletKeys(ctx, 'Bounties', ['Bounties']),
    palletKeys(ctx, 'ChildBounties', ['ChildBounties']),
    palletKeys(ctx, 'MultiAssetBounties', ['Bounties', 'ChildBounties']),
  ]);
  const [bounties, children, multiBounties, multiChildren] = [
    b.Bounties!,
    c.ChildBounties!,
    m.Bounties!,
    m.ChildBounties!,
  ];
  return { legacy, multi, bounties, children, multiBounties, multiChildren };
}

const idOf = (key: string) => decodeMapKey(key, BOUNTIES.keys)[0] as number;
const multiIdOf = (key: string) => decodeMapKey(key, MULTI_BOUNTIES.keys)[0] as number;
const childIds = (key: string) => decodeMapKey(key, CHILD_BOUNTIES.keys) as [number, number];
const perId = (pallet: string, item: string, id: number) => storagePrefix(pallet, item) + twox64ConcatU32(id);
const perChild = (pallet: string, item: string, [p, c]: [number, number]) =>
  storagePrefix(pallet, item) + twox64ConcatU32(p) + twox64ConcatU32(c);

const PLAIN: Array<[string, string]> = [
  ['Bounties', 'BountyCount'],
  ['Bounties', 'BountyApprovals'],
  ['ChildBounties', 'ChildBountyCount'],
  ['MultiAssetBounties', 'BountyCount'],
];

/** Phase two's keys: every value the bounties need. */
export function bountyValueKeys(k: BountyKeys): string[] {
  const out = PLAIN.map(([p, i]) => storagePrefix(p, i));
  for (const key of k.bounties) {
    const id = idOf(key);
    out.push(key, perId('Bounties', 'BountyDescriptions', id));
    out.push(perId('ChildBounties', 'ParentTotalChildBounties', id));
    out.push(perId('ChildBounties', 'ChildrenCuratorFees', id));
  }
  for (const key of k.children)
    out.push(key, perChild('ChildBounties', 'ChildBountyDescriptionsV1', childIds(key)));
  for (const key of k.multiBounties) {
    const id = multiIdOf(key);
    out.push(key, perId('MultiAssetBounties', 'TotalChildBountiesPerParent', id));
    out.push(perId('MultiAssetBounties', 'ChildBountiesValuePerParent', id));
    out.push(curatorDepositKey(id, null));
  }
  for (const key of k.multiChildren) out.push(key, curatorDepositKey(...childIds(key)));
  return out;
}

type Values = ReadonlyMap<string, string | null>;

/**
 * `MultiAssetBounties.CuratorDeposit(parent, child)`: `Twox64Concat(u32), Twox64Concat(Option<u32>)`,
 * the bounty's own curator under `None`, a child bounty's under `Some(child)`.
 */
function curatorDepositKey(parent: number, child: number | null): string {
  const option = child === null ? new Uint8Array([0]) : new Uint8Array([1, ...hexToU8a(`0x${u32Le(child)}`)]);
  return (
    storagePrefix('MultiAssetBounties', 'CuratorDeposit') +
    twox64ConcatU32(parent) +
    twox64ConcatBytes(option)
  );
}

const u32Le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b.toString('hex');
};

function depositOf(codec: MetadataCodec, hex: string | null | undefined): bigint | null {
  return hex ? BigInt(codec.decode('MultiAssetBounties', 'CuratorDeposit', hex).toString()) : null;
}

function childrenOf(bounties: Bounty[], children: ChildBounty[]): void {
  const byId = new Map(bounties.map((b) => [b.id, b]));
  for (const child of children.sort((a, b) => a.parent - b.parent || a.id - b.id))
    byId.get(child.parent)?.children.push(child);
}

/** `Bounties.BountyApprovals` in stored order. */
function bountyApprovals(v: Values): number[] {
  const hex = v.get(storagePrefix('Bounties', 'BountyApprovals'));
  return hex ? decodeU32Vec(hex, 'bounties.bountyApprovals') : [];
}

function legacyBounties(ctx: ReadContext, codec: MetadataCodec, k: BountyKeys, v: Values): Bounty[] {
  const approvals = new Set(bountyApprovals(v));
  const u32 = (key: string) => {
    const hex = v.get(key);
    return hex ? decodeU32(hex, key) : 0;
  };
  const entries = k.bounties.flatMap(
    (key): Array<[string, string]> => (v.get(key) ? [[key, v.get(key)!]] : []),
  );
  const bounties = decodeAll(ctx, 'Bounties.Bounties', entries, (key, hex): Bounty => {
    const id = idOf(key);
    const description = descriptionText(
      v.get(perId('Bounties', 'BountyDescriptions', id)),
      'Bounties.BountyDescriptions',
    );
    const feesHex = v.get(perId('ChildBounties', 'ChildrenCuratorFees', id));
    return {
      ...legacyCommon(id, codec, 'Bounties', 'Bounties', hex, NATIVE_ASSET, description),
      pallet: 'bounties',
      ref: bountyRef('bounties', id),
      awaitingFunding: approvals.has(id),
      children: [],
      childrenTotal: u32(perId('ChildBounties', 'ParentTotalChildBounties', id)),
      // A value query: absent is 0.
      childrenValue: feesHex
        ? BigInt(codec.decode('ChildBounties', 'ChildrenCuratorFees', feesHex).toString())
        : 0n,
    };
  });
  const childEntries = k.children.flatMap(
    (key): Array<[string, string]> => (v.get(key) ? [[key, v.get(key)!]] : []),
  );
  const children = decodeAll(ctx, 'ChildBounties.ChildBounties', childEntries, (key, hex): ChildBounty => {
    const [parent, id] = childIds(key);
    const d = v.get(perChild('ChildBounties', 'ChildBountyDescriptionsV1', [parent, id]));
    const {
      proposer: _p,
      bond: _b,
      ...common
    } = legacyCommon(
      id,
      codec,
      'ChildBounties',
      'ChildBounties',
      hex,
      NATIVE_ASSET,
      descriptionText(d, 'ChildBounties.ChildBountyDescriptionsV1'),
    );
    return { ...common, parent };
  });
  childrenOf(bounties, children);
  return bounties;
}

function multiBounties(
  ctx: ReadContext,
  codec: MetadataCodec,
  k: BountyKeys,
  v: Values,
  meta: AssetMetadata,
): Bounty[] {
  const entries = k.multiBounties.flatMap(
    (key): Array<[string, string]> => (v.get(key) ? [[key, v.get(key)!]] : []),
  );
  const bounties = decodeAll(ctx, 'MultiAssetBounties.Bounties', entries, (key, hex): Bounty => {
    const id = multiIdOf(key);
    const total = v.get(perId('MultiAssetBounties', 'TotalChildBountiesPerParent', id));
    const value = v.get(perId('MultiAssetBounties', 'ChildBountiesValuePerParent', id));
    return {
      ...multiCommon(id, codec, 'Bounties', hex, meta, null),
      pallet: 'multiAssetBounties',
      ref: bountyRef('multiAssetBounties', id),
      proposer: null,
      bond: null,
      awaitingFunding: false,
      children: [],
      childrenTotal: total ? decodeU32(total, 'multiAssetBounties.totalChildBountiesPerParent') : 0,
      // A value query: absent is 0.
      childrenValue: value
        ? BigInt(codec.decode('MultiAssetBounties', 'ChildBountiesValuePerParent', value).toString())
        : 0n,
      curatorDeposit: depositOf(codec, v.get(curatorDepositKey(id, null))),
    };
  });
  const assets = new Map(bounties.map((b) => [b.id, b.asset]));
  const childEntries = k.multiChildren.flatMap(
    (key): Array<[string, string]> => (v.get(key) ? [[key, v.get(key)!]] : []),
  );
  const children = decodeAll(
    ctx,
    'MultiAssetBounties.ChildBounties',
    childEntries,
    (key, hex): ChildBounty => {
      const [parent, id] = decodeMapKey(key, MULTI_CHILD_BOUNTIES.keys) as [number, number];
      return {
        ...multiCommon(id, codec, 'ChildBounties', hex, meta, assets.get(parent) ?? null),
        curatorDeposit: depositOf(codec, v.get(curatorDepositKey(parent, id))),
        parent,
      };
    },
  );
  childrenOf(bounties, children);
  return bounties;
}

export function decodeBounties(
  ctx: ReadContext,
  codec: MetadataCodec,
  k: BountyKeys,
  v: Values,
  meta: AssetMetadata,
): BountiesState {
  const count = (pallet: string, item: string) => {
    const hex = v.get(storagePrefix(pallet, item));
    return hex ? decodeU32(hex, `${pallet}.${item}`) : 0;
  };
  const legacy = k.legacy ? legacyBounties(ctx, codec, k, v) : [];
  const multi = k.multi ? multiBounties(ctx, codec, k, v, meta) : [];
  return {
    bountyCount: count('Bounties', 'BountyCount'),
    multiAssetBountyCount: k.multi ? count('MultiAssetBounties', 'BountyCount') : null,
    childBountyCount: count('ChildBounties', 'ChildBountyCount'),
    approvals: k.legacy ? bountyApprovals(v) : [],
    bounties: [...legacy.sort((a, b) => a.id - b.id), ...multi.sort((a, b) => a.id - b.id)],
  };
}
