/**
 * Every storage item the snapshot reads without the metadata: each module of hand decoders exports
 * its items' declarations, and this collects them all for the guard (and its README's table).
 */
import * as ahOpsValues from '../scale/ah-ops-values.js';
import * as chainValues from '../scale/chain-values.js';
import * as governanceValues from '../scale/governance-values.js';
import * as poolValues from '../scale/pool-values.js';
import * as stakingCodecs from '../scale/staking-codecs.js';
import * as stakingValues from '../scale/staking-values.js';
import * as treasuryValues from '../scale/treasury-values.js';
import { type ItemLayout, itemId } from './item.js';

function isItemLayout(x: unknown): x is ItemLayout {
  const o = x as Partial<ItemLayout> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.pallet === 'string' &&
    typeof o.item === 'string' &&
    Array.isArray(o.keys)
  );
}

/** Sorted by pallet and item. */
export const DECLARED_ITEMS: readonly ItemLayout[] = [
  stakingCodecs,
  stakingValues,
  chainValues,
  governanceValues,
  poolValues,
  treasuryValues,
  ahOpsValues,
]
  .flatMap((module) => Object.values(module).filter(isItemLayout))
  .sort((a, b) => itemId(a).localeCompare(itemId(b)));
