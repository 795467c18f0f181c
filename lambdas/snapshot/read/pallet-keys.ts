/**
 * The keys of several maps of one small pallet in one paged read of the pallet's prefix
 * (`twox128(pallet)`), split by item: one request where a read per map would take one each. Only
 * for pallets whose storage is small as a whole (the treasury and bounty pallets, `Referenda`,
 * `AhOps`).
 */
import { storagePrefix } from '../rpc/keys.js';
import type { ReadContext } from './context.js';

export async function palletKeys(
  ctx: ReadContext,
  pallet: string,
  items: readonly string[],
): Promise<Record<string, string[]>> {
  const present = items.filter((item) => ctx.has(pallet, item));
  const out: Record<string, string[]> = Object.fromEntries(items.map((item) => [item, []]));
  if (present.length === 0) return out;
  const prefixes = present.map((item) => [item, storagePrefix(pallet, item)] as const);
  const all = await ctx.storage.keys(prefixes[0]![1].slice(0, 2 + 32));
  for (const key of all) {
    for (const [item, prefix] of prefixes)
      if (key.startsWith(prefix) && key.length > prefix.length) out[item]!.push(key);
  }
  return out;
}
