/**
 * The treasury and its bounties read straight from the dev chain with @polkadot/api (decoded by
 * its metadata, not by Herald's reader), and the pallets' rules written out here: what /treasury,
 * /spend and /bounty must agree with. Nothing of Herald's treasury code is used.
 */
import type { ApiDecoration } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types/types';
import { hexToU8a, isHex, u8aToString } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

type J = Record<string, unknown>;
const big = (v: unknown): bigint => BigInt(String(v ?? 0));
const ss58 = (a: unknown): string => encodeAddress(String(a), 2);
const json = (c: Codec): J => c.toJSON() as J;
const lower = (o: unknown): J =>
  Object.fromEntries(Object.entries((o ?? {}) as J).map(([k, v]) => [k.toLowerCase(), v]));

/** An asset as the raw read places it: `native`, `assets:<id>`, else `other`. */
export interface RawAsset {
  key: string;
  symbol: string | null;
  decimals: number | null;
}

export interface RawSpend {
  index: number;
  asset: RawAsset;
  amount: bigint;
  /** SS58 when the beneficiary is an AccountId32 on Asset Hub itself, else null. */
  beneficiary: string | null;
  validFrom: number;
  expireAt: number;
  status: 'Pending' | 'Attempted' | 'Failed';
}

export interface RawHolding {
  key: string;
  symbol: string;
  decimals: number;
  balance: bigint;
}

export interface RawChild {
  parent: number;
  id: number;
  value: bigint;
  fee: bigint | null;
  status: string;
  curator: string | null;
  beneficiary: string | null;
  unlockAt: number | null;
  paymentStatus: string | null;
  description: string | null;
}

export interface RawBounty {
  ref: string;
  id: number;
  pallet: 'bounties' | 'multiAssetBounties';
  asset: RawAsset;
  value: bigint;
  fee: bigint | null;
  status: string;
  curator: string | null;
  beneficiary: string | null;
  updateDue: number | null;
  unlockAt: number | null;
  paymentStatus: string | null;
  description: string | null;
  awaitingFunding: boolean;
  children: RawChild[];
}

export interface RawTreasury {
  relayBlock: number;
  timestampMs: number;
  account: string;
  spendPeriod: number;
  payoutPeriod: number;
  burnPermill: number;
  existentialDeposit: bigint;
  lastSpendPeriod: number | null;
  spendCount: number;
  spends: RawSpend[];
  approvals: number[];
  proposals: Map<number, bigint>;
  holdings: RawHolding[];
  /** Raw FixedU128 rate per asset key. */
  rates: Map<string, bigint>;
  bounties: RawBounty[];
  /** `Bounties.BountyApprovals` in stored order. */
  bountyApprovals: number[];
  hasMultiAssetBounties: boolean;
}

function text(bytes: Codec | undefined): string | null {
  if (!bytes) return null;
  const hex = bytes.toHex();
  if (!isHex(hex)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(hexToU8a(hex));
  } catch {
    return null;
  }
}

/** The assetId of a VersionedLocatableAsset (any version), placed. */
function placeAssetId(assetId: unknown): Pick<RawAsset, 'key'> {
  const id = lower(assetId);
  const interior = id.interior;
  const parents = Number(id.parents);
  if (
    parents === 1 &&
    (interior === 'Here' || (typeof interior === 'object' && interior !== null && 'here' in lower(interior)))
  )
    return { key: 'native' };
  if (parents === 0 && typeof interior === 'object' && interior !== null) {
    const x2 = lower(interior).x2 as unknown[] | undefined;
    if (Array.isArray(x2) && x2.length === 2) {
      const [pallet, index] = x2.map(lower);
      if (Number(pallet?.palletinstance) === 50 && index?.generalindex !== undefined)
        return { key: `assets:${String(index.generalindex).replace(/,/g, '')}` };
    }
  }
  return { key: 'other' };
}

function assetOfKind(kind: unknown, symbols: Map<string, { symbol: string; decimals: number }>): RawAsset {
  const versioned = lower(Object.values((kind ?? {}) as J)[0]);
  const { key } = placeAssetId(versioned.assetid ?? versioned.asset_id);
  const known = symbols.get(key);
  return { key, symbol: known?.symbol ?? null, decimals: known?.decimals ?? null };
}

/** A VersionedLocatableAccount naming an AccountId32 at Asset Hub itself, as SS58; else null. */
function localAccount(account: unknown): string | null {
  const versioned = lower(Object.values((account ?? {}) as J)[0]);
  const location = lower(versioned.location);
  const accountId = lower(versioned.accountid ?? versioned.account_id);
  const here = location.interior === 'Here' || 'here' in lower(location.interior);
  const x1 = lower(accountId.interior).x1;
  const junction = lower(Array.isArray(x1) ? x1[0] : x1);
  const id32 = lower(junction.accountid32);
  if (Number(location.parents) === 0 && here && Number(accountId.parents) === 0 && id32.id)
    return ss58(id32.id);
  return null;
}

function variant(status: unknown): [string, J] {
  if (typeof status === 'string') return [status.charAt(0).toUpperCase() + status.slice(1), {}];
  const [name, inner] = Object.entries((status ?? {}) as J)[0] ?? ['unknown', {}];
  return [name.charAt(0).toUpperCase() + name.slice(1), lower(inner)];
}

const opt = (v: unknown): string | null => (v === undefined || v === null ? null : ss58(v));
const optNum = (v: unknown): number | null => (v === undefined || v === null ? null : Number(v));

async function readAssetSymbols(
  at: ApiDecoration<'promise'>,
): Promise<Map<string, { symbol: string; decimals: number }>> {
  const out = new Map<string, { symbol: string; decimals: number }>([
    ['native', { symbol: 'KSM', decimals: 12 }],
  ]);
  for (const [key, value] of await at.query.assets!.metadata!.entries()) {
    const id = String(key.args[0]!.toString());
    const m = json(value);
    out.set(`assets:${id}`, {
      symbol: u8aToString(hexToU8a(String(m.symbol))),
      decimals: Number(m.decimals),
    });
  }
  return out;
}

export async function readTreasury(at: ApiDecoration<'promise'>): Promise<RawTreasury> {
  const consts = at.consts.treasury!;
  const account = ss58(consts.potAccount!.toString());
  const symbols = await readAssetSymbols(at);
  const [relay, now, count, last, approvals, spendEntries, proposalEntries, system] = await Promise.all([
    at.query.parachainSystem!.lastRelayChainBlockNumber!(),
    at.query.timestamp!.now!(),
    at.query.treasury!.spendCount!(),
    at.query.treasury!.lastSpendPeriod!(),
    at.query.treasury!.approvals!(),
    at.query.treasury!.spends!.entries(),
    at.query.treasury!.proposals!.entries(),
    at.query.system!.account!(account),
  ]);
  const spends: RawSpend[] = spendEntries
    .map(([key, value]) => {
      const s = lower((value as unknown as { unwrap(): Codec }).unwrap().toJSON());
      return {
        index: Number(key.args[0]!.toString()),
        asset: assetOfKind(s.assetkind, symbols),
        amount: big(s.amount),
        beneficiary: localAccount(s.beneficiary),
        validFrom: Number(s.validfrom),
        expireAt: Number(s.expireat),
        status: variant(s.status)[0] as RawSpend['status'],
      };
    })
    .sort((a, b) => a.index - b.index);
  const holdings: RawHolding[] = [
    { key: 'native', symbol: 'KSM', decimals: 12, balance: big(lower(json(system).data).free) },
  ];
  for (const key of await at.query.assets!.asset!.keys()) {
    const id = String(key.args[0]!.toString());
    const held = json(await at.query.assets!.account!(id, account));
    const meta = symbols.get(`assets:${id}`);
    if (held && big(held.balance) > 0n && meta)
      holdings.push({ key: `assets:${id}`, ...meta, balance: big(held.balance) });
  }
  for (const key of await at.query.foreignAssets!.asset!.keys()) {
    const location = key.args[0]!;
    const held = json(await at.query.foreignAssets!.account!(location, account));
    const meta = json(await at.query.foreignAssets!.metadata!(location));
    if (held && big(held.balance) > 0n)
      holdings.push({
        key: `foreign:${JSON.stringify(location.toJSON())}`,
        symbol: u8aToString(hexToU8a(String(meta.symbol))),
        decimals: Number(meta.decimals),
        balance: big(held.balance),
      });
  }
  // KSM first, then the others by key (the order the answers list them in).
  holdings.sort((a, b) =>
    a.key === 'native' ? -1 : b.key === 'native' ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const rates = new Map<string, bigint>();
  for (const [key, value] of await at.query.assetRate!.conversionRateToNative!.entries()) {
    const versioned = lower(Object.values(key.args[0]!.toJSON() as J)[0]);
    const { key: assetKey } = placeAssetId(versioned.assetid);
    rates.set(assetKey, big((value as unknown as { unwrap(): Codec }).unwrap().toString()));
  }
  const lastJson = last.toJSON();
  return {
    relayBlock: Number(relay.toString()),
    timestampMs: Number(now.toString()),
    account,
    spendPeriod: Number(consts.spendPeriod!.toString()),
    payoutPeriod: Number(consts.payoutPeriod!.toString()),
    burnPermill: Number(consts.burn!.toString()),
    existentialDeposit: big(at.consts.balances!.existentialDeposit!.toString()),
    lastSpendPeriod: lastJson === null ? null : Number(lastJson),
    spendCount: Number(count.toString()),
    spends,
    approvals: (approvals.toJSON() as number[]).map(Number),
    proposals: new Map(
      proposalEntries.map(([k, v]) => [
        Number(k.args[0]!.toString()),
        big(lower((v as unknown as { unwrap(): Codec }).unwrap().toJSON()).value),
      ]),
    ),
    holdings,
    rates,
    bounties: await readBounties(at, symbols),
    bountyApprovals: (json(await at.query.bounties!.bountyApprovals!()) as unknown as number[]).map(Number),
    hasMultiAssetBounties: Boolean(at.query.multiAssetBounties),
  };
}

async function readBounties(
  at: ApiDecoration<'promise'>,
  symbols: Map<string, { symbol: string; decimals: number }>,
): Promise<RawBounty[]> {
  const out: RawBounty[] = [];
  const approvals = new Set(
    (json(await at.query.bounties!.bountyApprovals!()) as unknown as number[]).map(Number),
  );
  const descriptions = new Map(
    (await at.query.bounties!.bountyDescriptions!.entries()).map(([k, v]) => [
      Number(k.args[0]!.toString()),
      text((v as unknown as { unwrap(): Codec }).unwrap()),
    ]),
  );
  const childDescriptions = new Map(
    (await at.query.childBounties!.childBountyDescriptionsV1!.entries()).map(([k, v]) => [
      `${k.args[0]!.toString()}/${k.args[1]!.toString()}`,
      text((v as unknown as { unwrap(): Codec }).unwrap()),
    ]),
  );
  const children = new Map<number, RawChild[]>();
  for (const [k, v] of await at.query.childBounties!.childBounties!.entries()) {
    const c = lower((v as unknown as { unwrap(): Codec }).unwrap().toJSON());
    const [status, inner] = variant(c.status);
    const parent = Number(k.args[0]!.toString());
    const id = Number(k.args[1]!.toString());
    const list = children.get(parent) ?? [];
    list.push({
      parent,
      id,
      value: big(c.value),
      fee: big(c.fee),
      status,
      curator: opt(inner.curator),
      beneficiary: opt(inner.beneficiary),
      unlockAt: optNum(inner.unlockat),
      paymentStatus: null,
      description: childDescriptions.get(`${parent}/${id}`) ?? null,
    });
    children.set(parent, list);
  }
  for (const [k, v] of await at.query.bounties!.bounties!.entries()) {
    const b = lower((v as unknown as { unwrap(): Codec }).unwrap().toJSON());
    const [status, inner] = variant(b.status);
    const id = Number(k.args[0]!.toString());
    out.push({
      ref: String(id),
      id,
      pallet: 'bounties',
      asset: { key: 'native', symbol: 'KSM', decimals: 12 },
      value: big(b.value),
      fee: big(b.fee),
      status,
      curator: opt(inner.curator),
      beneficiary: opt(inner.beneficiary),
      updateDue: optNum(inner.updatedue),
      unlockAt: optNum(inner.unlockat),
      paymentStatus: null,
      description: descriptions.get(id) ?? null,
      awaitingFunding: approvals.has(id),
      children: (children.get(id) ?? []).sort((a, b) => a.id - b.id),
    });
  }
  out.sort((a, b) => a.id - b.id);
  const ma = at.query.multiAssetBounties;
  if (!ma) return out;
  const maChildren = new Map<number, RawChild[]>();
  for (const [k, v] of await ma.childBounties!.entries()) {
    const c = lower((v as unknown as { unwrap(): Codec }).unwrap().toJSON());
    const [status, inner] = variant(c.status);
    const parent = Number(k.args[0]!.toString());
    const list = maChildren.get(parent) ?? [];
    list.push({
      parent,
      id: Number(k.args[1]!.toString()),
      value: big(c.value),
      fee: null,
      status,
      curator: opt(inner.curator),
      beneficiary: inner.beneficiary === undefined ? null : localAccount(inner.beneficiary),
      unlockAt: null,
      paymentStatus: inner.paymentstatus === undefined ? null : variant(inner.paymentstatus)[0],
      description: null,
    });
    maChildren.set(parent, list);
  }
  const multi: RawBounty[] = [];
  for (const [k, v] of await ma.bounties!.entries()) {
    const b = lower((v as unknown as { unwrap(): Codec }).unwrap().toJSON());
    const [status, inner] = variant(b.status);
    const id = Number(k.args[0]!.toString());
    multi.push({
      ref: `m${id}`,
      id,
      pallet: 'multiAssetBounties',
      asset: assetOfKind(b.assetkind, symbols),
      value: big(b.value),
      fee: null,
      status,
      curator: opt(inner.curator),
      beneficiary: inner.beneficiary === undefined ? null : localAccount(inner.beneficiary),
      updateDue: null,
      unlockAt: null,
      paymentStatus: inner.paymentstatus === undefined ? null : variant(inner.paymentstatus)[0],
      description: null,
      awaitingFunding: false,
      children: (maChildren.get(id) ?? []).sort((a, b) => a.id - b.id),
    });
  }
  return [...out, ...multi.sort((a, b) => a.id - b.id)];
}

/** pallet_treasury's `payout` window and `check_status`, written out: where a spend stands. */
export function rawPhase(spend: RawSpend, relayBlock: number): string {
  if (spend.status === 'Attempted') return 'attempted';
  if (relayBlock >= spend.expireAt) return 'expired';
  if (spend.status === 'Failed') return 'failed';
  return relayBlock < spend.validFrom ? 'upcoming' : 'claimable';
}

/**
 * The relay block at which pallet_treasury's `on_initialize` next runs `spend_funds`:
 * `LastSpendPeriod + SpendPeriod`, where an unset `LastSpendPeriod` is the last multiple of the
 * period before now (the period itself when now is a multiple). At or before now means overdue: the
 * next block runs it.
 */
export function rawNextSpendPeriod(raw: RawTreasury): number {
  const since = raw.relayBlock % raw.spendPeriod;
  const last =
    raw.lastSpendPeriod ?? (since === 0 ? raw.relayBlock - raw.spendPeriod : raw.relayBlock - since);
  return last + raw.spendPeriod;
}

/** The KSM worth of an asset amount through its AssetRate (FixedU128), or null without one. */
export function rawNativeValue(raw: RawTreasury, key: string, amount: bigint): bigint | null {
  if (key === 'native') return amount;
  const rate = raw.rates.get(key);
  return rate === undefined ? null : (amount * rate) / 10n ** 18n;
}
