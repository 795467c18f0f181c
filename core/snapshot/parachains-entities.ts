/**
 * The parachain entities: `parachains/current` (the relay chain's and the Coretime chain's parts of
 * `ParachainsState`), one `crowdloan/<address>` per account with a contribution or a deposit
 * waiting on Asset Hub, and `index/crowdloans` (one row per contribution or deposit). Each is built
 * from sorted data only, so an unchanged state yields the same entities and the store writes none;
 * an account whose last entry was withdrawn is not yielded, and the store removes its entity.
 */
import type { AhDeposit, CrowdloanContribution, CrowdloanState } from '../types/parachains.js';
import type { Snapshot } from '../types/snapshot.js';
import {
  type CrowdloanAccount,
  type CrowdloanIndex,
  ENTITY,
  type Entity,
  INDEX_ID,
  PARACHAINS_ID,
  type ParachainsEntity,
} from './entities.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byBlockPara = (a: { block: number; para: number }, b: { block: number; para: number }) =>
  a.block - b.block || a.para - b.para;

/** Each account's contributions and deposits, by address. */
export function crowdloanAccounts(state: CrowdloanState): Map<string, CrowdloanAccount> {
  const out = new Map<string, CrowdloanAccount>();
  const of = (address: string) => {
    let account = out.get(address);
    if (!account) {
      account = { address, contributions: [], deposits: [] };
      out.set(address, account);
    }
    return account;
  };
  for (const c of state.contributions) of(c.contributor).contributions.push(c);
  for (const d of state.deposits) of(d.account).deposits.push(d);
  for (const account of out.values()) {
    account.contributions.sort(byBlockPara);
    account.deposits.sort((a, b) => byBlockPara(a, b) || cmp(a.kind, b.kind));
  }
  return new Map([...out].sort(([a], [b]) => cmp(a, b)));
}

export function crowdloanIndex(state: CrowdloanState): CrowdloanIndex {
  const row = (kind: CrowdloanIndex['entries'][number]['kind'], e: CrowdloanContribution | AhDeposit) => ({
    kind,
    block: e.block,
    para: e.para,
    address: 'contributor' in e ? e.contributor : e.account,
    amount: e.amount,
  });
  const entries = [
    ...state.contributions.map((c) => row('contribution', c)),
    ...state.deposits.map((d) => row(d.kind, d)),
  ].sort((a, b) => byBlockPara(a, b) || cmp(a.kind, b.kind) || cmp(a.address, b.address));
  return { entries };
}

export function* parachainsEntities(snapshot: Snapshot): Generator<Entity> {
  const p = snapshot.parachains;
  if (!p) return;
  if (p.relay || p.coretime) {
    const data: ParachainsEntity = { relay: p.relay, coretime: p.coretime };
    yield { kind: ENTITY.parachains, id: PARACHAINS_ID, data };
  }
  if (!p.crowdloan) return;
  for (const [address, account] of crowdloanAccounts(p.crowdloan))
    yield { kind: ENTITY.crowdloan, id: address, data: account satisfies CrowdloanAccount };
  yield { kind: ENTITY.index, id: INDEX_ID.crowdloans, data: crowdloanIndex(p.crowdloan) };
}
