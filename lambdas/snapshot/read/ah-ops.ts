/**
 * Crowdloan money waiting on Asset Hub (`AhOps`) at the pinned block: every contribution, lease
 * deposit and crowdloan deposit the relay chain handed over, each withdrawable from a relay block.
 * The keys of the three maps in one paged read of the pallet's prefix, then one batch of values
 * (through the metadata). A runtime without `AhOps` gives null, without a warning: its absence
 * means there is nothing to refund.
 */
import type { AhDeposit, CrowdloanContribution, CrowdloanState } from '../../../core/types/parachains.js';
import { decodeMapKey } from '../rpc/keys.js';
import { AH_OPS_KEY } from '../scale/ah-ops-values.js';
import { accountFromBytes } from '../scale/reader.js';
import { decodeAll, type ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';
import { palletKeys } from './pallet-keys.js';

const ITEMS = ['RcCrowdloanContribution', 'RcLeaseReserve', 'RcCrowdloanReserve'] as const;

const keyParts = (key: string) => decodeMapKey(key, AH_OPS_KEY) as [number, number, string];

export async function readCrowdloans(ctx: ReadContext, codec: MetadataCodec): Promise<CrowdloanState | null> {
  // Older runtimes have no refunds to hold: nothing to report (the guard declares what this means).
  if (!ctx.has('AhOps', 'RcCrowdloanContribution')) return null;
  const keys = await palletKeys(ctx, 'AhOps', ITEMS);
  const all = ITEMS.flatMap((item) => keys[item] ?? []);
  const fetched = await ctx.storage.values(all);
  const values = new Map(all.map((k, i) => [k, fetched[i] ?? null]));
  const pairs = (item: string) =>
    (keys[item] ?? []).flatMap((k): Array<[string, string]> => (values.get(k) ? [[k, values.get(k)!]] : []));
  const contributions = decodeAll(
    ctx,
    'AhOps.RcCrowdloanContribution',
    pairs('RcCrowdloanContribution'),
    (k, v): CrowdloanContribution => {
      const [block, para, contributor] = keyParts(k);
      const [fund, amount] = codec.decode('AhOps', 'RcCrowdloanContribution', v) as unknown as [
        { toU8a(): Uint8Array },
        { toString(): string },
      ];
      return {
        block,
        para,
        contributor,
        fundAccount: accountFromBytes(fund.toU8a()),
        amount: BigInt(amount.toString()),
      };
    },
  );
  const deposit = (kind: AhDeposit['kind'], item: string) =>
    decodeAll(ctx, `AhOps.${item}`, pairs(item), (k, v): AhDeposit => {
      const [block, para, account] = keyParts(k);
      return { kind, block, para, account, amount: BigInt(codec.decode('AhOps', item, v).toString()) };
    });
  const deposits = [...deposit('lease', 'RcLeaseReserve'), ...deposit('crowdloan', 'RcCrowdloanReserve')];
  return {
    contributions: contributions.sort(
      (a, b) => a.block - b.block || a.para - b.para || cmp(a.contributor, b.contributor),
    ),
    deposits: deposits.sort(
      (a, b) => a.block - b.block || a.para - b.para || cmp(a.kind, b.kind) || cmp(a.account, b.account),
    ),
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
