/**
 * Slashes at the pinned block: every applied one still on chain (`Staking.ValidatorSlashInEra`,
 * keyed by the offence era) and every one waiting to be applied (`Staking.UnappliedSlashes`, keyed
 * by the era it applies in, one entry per exposure page, added up here). Both maps are small: they
 * only hold offences.
 */
import { compareSlashes } from '../../../core/staking/slash-order.js';
import type { Address, SlashRecord } from '../../../core/types/staking.js';
import { decodeMapKey, storagePrefix } from '../rpc/keys.js';
import { accountFromBytes } from '../scale/reader.js';
import { decodeSlashInEra, UNAPPLIED_SLASHES, VALIDATOR_SLASH_IN_ERA } from '../scale/staking-values.js';
import { decodeAll, type ReadContext } from './context.js';
import type { MetadataCodec } from './metadata-codec.js';

interface UnappliedCodec {
  validator: { toU8a(): Uint8Array };
  own: { toBigInt(): bigint };
  others: Array<[unknown, { toBigInt(): bigint }]>;
}

const S = (item: string) => storagePrefix('Staking', item);

async function readApplied(ctx: ReadContext): Promise<SlashRecord[]> {
  if (!ctx.has('Staking', 'ValidatorSlashInEra')) return [];
  const entries = await ctx.storage.entries(S('ValidatorSlashInEra'));
  return decodeAll(ctx, 'Staking.ValidatorSlashInEra', entries, (key, value) => {
    const [era, validator] = decodeMapKey(key, VALIDATOR_SLASH_IN_ERA.keys) as [number, Address];
    const { fraction, amount } = decodeSlashInEra(value);
    return { validator, era, kind: 'applied' as const, fraction, amount };
  });
}

async function readUnapplied(ctx: ReadContext, codec: MetadataCodec): Promise<SlashRecord[]> {
  if (!ctx.has('Staking', 'UnappliedSlashes')) return [];
  const entries = await ctx.storage.entries(S('UnappliedSlashes'));
  const pages = decodeAll(ctx, 'Staking.UnappliedSlashes', entries, (key, value) => {
    const [era, , fraction] = decodeMapKey(key, UNAPPLIED_SLASHES.keys) as [number, Address, number];
    const slash = codec.decode('Staking', 'UnappliedSlashes', value) as unknown as UnappliedCodec;
    const amount = slash.others.reduce((sum, [, v]) => sum + v.toBigInt(), slash.own.toBigInt());
    return {
      validator: accountFromBytes(slash.validator.toU8a()),
      era,
      kind: 'unapplied' as const,
      fraction,
      amount,
    };
  });
  const merged = new Map<string, SlashRecord>();
  for (const page of pages) {
    const id = `${page.era}:${page.validator}:${page.fraction}`;
    const seen = merged.get(id);
    merged.set(id, seen ? { ...seen, amount: seen.amount + page.amount } : page);
  }
  return [...merged.values()];
}

export async function readSlashes(ctx: ReadContext, codec: MetadataCodec): Promise<SlashRecord[]> {
  const [applied, unapplied] = await Promise.all([readApplied(ctx), readUnapplied(ctx, codec)]);
  return [...applied, ...unapplied].sort(compareSlashes);
}
