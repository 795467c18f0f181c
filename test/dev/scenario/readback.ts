/**
 * An independent reader for the tests: decodes every seeded pair with the @polkadot/types registry
 * (StorageKey args from the metadata entry, values via createType) and rebuilds the core domain values.
 */
import { type Metadata, StorageKey, type TypeRegistry } from '@polkadot/types';
import type { StorageEntryMetadataLatest } from '@polkadot/types/interfaces';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import type {
  EraHistory,
  ExposurePage,
  ReferendumInfo,
  RewardDestination,
  ValidatorPrefs,
} from '../../../core/types/index.js';
import type { StoragePair } from '../../../dev/scenario/index.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded codecs are walked dynamically
type C = any;

export interface Decoded {
  args: C[];
  value: C;
}

export function decodeAll(registry: TypeRegistry, metadata: Metadata, pairs: readonly StoragePair[]) {
  const entries = new Map<string, { section: string; meta: StorageEntryMetadataLatest }>();
  for (const p of metadata.asLatest.pallets) {
    if (p.storage.isNone) continue;
    const store = p.storage.unwrap();
    for (const it of store.items) {
      const prefix =
        xxhashAsHex(store.prefix.toString(), 128) + xxhashAsHex(it.name.toString(), 128).slice(2);
      entries.set(prefix, { section: p.name.toString(), meta: it });
    }
  }
  const items = new Map<string, Decoded[]>();
  const unknown: string[] = [];
  const lengthMismatch: string[] = [];
  for (const [key, value] of pairs) {
    const e = entries.get(key.slice(0, 66));
    if (!e) {
      unknown.push(key);
      continue;
    }
    const sk = new StorageKey(registry, key);
    sk.setMeta(e.meta, e.section, e.meta.name.toString());
    const t = e.meta.type.isPlain ? e.meta.type.asPlain : e.meta.type.asMap.value;
    const bytes = hexToU8a(value);
    const decoded = registry.createType(registry.createLookupType(t), bytes);
    if (decoded.encodedLength !== bytes.length) lengthMismatch.push(`${e.section}.${e.meta.name.toString()}`);
    const name = `${e.section}.${e.meta.name.toString()}`;
    const list = items.get(name) ?? [];
    list.push({ args: sk.args, value: decoded });
    items.set(name, list);
  }
  return { items, unknown, lengthMismatch };
}

export const big = (c: C): bigint => BigInt(c.toString());
export const num = (c: C): number => Number(c.toString());
export const addr = (c: C): string => c.toString();

const opt = <T>(c: C, f: (x: C) => T): T | null => (c.isSome ? f(c.unwrap()) : null);

export function readPrefs(stash: string, v: C): ValidatorPrefs {
  return { stash, commission: num(v.commission.unwrap()), blocked: v.blocked.isTrue };
}

export function readPayee(v: C): RewardDestination {
  return v.isAccount
    ? { kind: 'Account', account: addr(v.asAccount) }
    : ({ kind: v.type } as RewardDestination);
}

function deposit(c: C) {
  return opt(c, (d) => ({ who: addr(d.who), amount: big(d.amount) }));
}

export function readReferendum(id: number, v: C): ReferendumInfo {
  if (v.isOngoing) {
    const o = v.asOngoing;
    const origin = o.origin.isSystem
      ? `system.${o.origin.asSystem.type}`
      : `${o.origin.type}.${o.origin.value.type}`;
    const p = o.proposal;
    const proposal = p.isInline
      ? { kind: 'Inline' as const, hash: blake2AsHex(p.asInline, 256), call: u8aToHex(p.asInline) }
      : p.isLookup
        ? { kind: 'Lookup' as const, hash: p.asLookup.hash_.toHex(), len: num(p.asLookup.len) }
        : { kind: 'Legacy' as const, hash: p.asLegacy.hash_.toHex() };
    return {
      status: 'ongoing',
      id,
      track: num(o.track),
      origin,
      proposal,
      enactment: o.enactment.isAt
        ? { kind: 'At', block: num(o.enactment.asAt) }
        : { kind: 'After', blocks: num(o.enactment.asAfter) },
      submitted: num(o.submitted),
      submissionDeposit: deposit({ isSome: true, unwrap: () => o.submissionDeposit })!,
      decisionDeposit: deposit(o.decisionDeposit),
      deciding: opt(o.deciding, (d) => ({ since: num(d.since), confirming: opt(d.confirming, num) })),
      tally: { ayes: big(o.tally.ayes), nays: big(o.tally.nays), support: big(o.tally.support) },
      inQueue: o.inQueue.isTrue,
      alarm: opt(o.alarm, (a) => num(a[0])),
    };
  }
  if (v.isKilled)
    return { status: 'killed', id, block: num(v.asKilled), submissionDeposit: null, decisionDeposit: null };
  const status = (
    { Approved: 'approved', Rejected: 'rejected', Cancelled: 'cancelled', TimedOut: 'timedOut' } as const
  )[v.type as 'Approved'];
  const [block, sub, dec] = v.value;
  return { status, id, block: num(block), submissionDeposit: deposit(sub), decisionDeposit: deposit(dec) };
}

/** Rebuilds the era history window from the Eras* items, eras ascending, pages by validator then page. */
export function readHistory(items: Map<string, Decoded[]>): EraHistory[] {
  const eras = new Map<number, EraHistory>();
  const era = (e: number) => {
    let h = eras.get(e);
    if (!h) {
      h = {
        era: e,
        validatorReward: null,
        totalStake: 0n,
        rewardPoints: { total: 0, individual: {} },
        prefs: {},
        overviews: {},
        pages: [],
        claimed: {},
      };
      eras.set(e, h);
    }
    return h;
  };
  const each = (name: string, f: (d: Decoded) => void) => {
    for (const d of items.get(`Staking.${name}`) ?? []) f(d);
  };
  each('ErasValidatorReward', (d) => {
    era(num(d.args[0])).validatorReward = big(d.value);
  });
  each('ErasTotalStake', (d) => {
    era(num(d.args[0])).totalStake = big(d.value);
  });
  each('ErasRewardPoints', (d) => {
    const individual: Record<string, number> = {};
    for (const [k, v] of d.value.individual) individual[addr(k)] = num(v);
    era(num(d.args[0])).rewardPoints = { total: num(d.value.total), individual };
  });
  each('ErasValidatorPrefs', (d) => {
    era(num(d.args[0])).prefs[addr(d.args[1])] = readPrefs(addr(d.args[1]), d.value);
  });
  each('ErasStakersOverview', (d) => {
    const v = addr(d.args[1]);
    const o = d.value;
    era(num(d.args[0])).overviews[v] = {
      validator: v,
      total: big(o.total.unwrap()),
      own: big(o.own.unwrap()),
      nominatorCount: num(o.nominatorCount),
      pageCount: num(o.pageCount),
    };
  });
  each('ErasStakersPaged', (d) => {
    const p = d.value;
    const page: ExposurePage = {
      validator: addr(d.args[1]),
      page: num(d.args[2]),
      pageTotal: big(p.pageTotal.unwrap()),
      others: p.others.map((x: C) => ({ who: addr(x.who), value: big(x.value.unwrap()) })),
    };
    era(num(d.args[0])).pages.push(page);
  });
  each('ClaimedRewards', (d) => {
    era(num(d.args[0])).claimed[addr(d.args[1])] = d.value.map(num);
  });
  const incentive = (e: number) => {
    const h = era(e);
    h.incentive ??= { budget: 0n, totalWeight: 0n, weights: {} };
    return h.incentive;
  };
  each('ErasValidatorIncentiveBudget', (d) => {
    incentive(num(d.args[0])).budget = big(d.value);
  });
  each('ErasSumValidatorIncentiveWeight', (d) => {
    incentive(num(d.args[0])).totalWeight = big(d.value);
  });
  each('ErasValidatorIncentiveWeight', (d) => {
    incentive(num(d.args[0])).weights[addr(d.args[1])] = big(d.value);
  });
  const out = [...eras.values()].sort((a, b) => a.era - b.era);
  for (const h of out) {
    h.pages.sort((a, b) =>
      a.validator < b.validator ? -1 : a.validator > b.validator ? 1 : a.page - b.page,
    );
  }
  return out;
}
