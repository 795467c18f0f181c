/**
 * The layout guard of a snapshot run: checks the declared items against the pinned block's metadata
 * once per runtime (spec name and version, kept in memory), fails the run on a problem, repeats the
 * warnings in every snapshot, and hands the readers each high-volume item's decoder: by hand, or
 * through the metadata when the runtime changed that layout.
 */
import { StorageLayoutError } from '../errors.js';
import { checkLayouts, type LayoutVerdict } from './check.js';
import { DECLARED_ITEMS } from './declared.js';
import type { LayoutSource } from './entries.js';
import { type ItemDecoders, type ItemLayout, itemId } from './item.js';

/** The pinned block's metadata (a MetadataCodec): its runtime, its storage entries, its decoding. */
export interface PinnedMetadata extends LayoutSource {
  readonly specName: string;
  readonly specVersion: number;
  decode(pallet: string, item: string, hex: string): { toJSON(): unknown };
}

export class LayoutGuard {
  private readonly verdicts = new Map<string, LayoutVerdict>();
  /** How many times the metadata was compared (once per runtime). */
  checks = 0;

  constructor(private readonly items: readonly ItemLayout[] = DECLARED_ITEMS) {}

  /** Throws StorageLayoutError on a problem; reports the warnings through `warn`. */
  decoders(codec: PinnedMetadata, warn: (message: string) => void): ItemDecoders {
    const runtime = `${codec.specName} ${codec.specVersion}`;
    let verdict = this.verdicts.get(runtime);
    if (!verdict) {
      this.checks++;
      verdict = checkLayouts(this.items, codec);
      this.verdicts.set(runtime, verdict);
    }
    if (verdict.problems.length > 0)
      throw new StorageLayoutError(
        `the storage layout of ${runtime} is not what the snapshot reads: ${verdict.problems.join('; ')}`,
      );
    for (const warning of verdict.warnings) warn(`${warning} (${runtime})`);
    const viaMetadata = verdict.viaMetadata;
    return {
      decoder: (item) =>
        viaMetadata.has(itemId(item))
          ? (hex, ...args) =>
              item.fallback.decode(codec.decode(item.pallet, item.item, hex).toJSON(), ...args)
          : item.decode,
    };
  }
}

/** The process's guard: a warm Lambda checks each runtime once. */
export const layoutGuard = new LayoutGuard();
