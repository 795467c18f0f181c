/**
 * Referendum tracks: names with the chain's zero padding stripped, display names, origins, and
 * lookups for the `/referenda` filters.
 */
import type { Curve, TrackInfo } from '../types/governance.js';
import { curveThreshold } from './curve.js';
import { PERBILL_ONE } from './perbill.js';

function decodeBytes(bytes: ArrayLike<number>): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  const view = Uint8Array.from(Array.prototype.slice.call(bytes, 0, end) as number[]);
  return new TextDecoder('utf-8', { fatal: false }).decode(view);
}

/**
 * A track name as the chain stores it (a zero-padded byte array, possibly hex or already a string),
 * with the trailing zero padding stripped.
 */
export function trackName(raw: string | ArrayLike<number>): string {
  if (typeof raw !== 'string') return decodeBytes(raw);
  if (/^0x([0-9a-fA-F]{2})*$/.test(raw)) {
    const bytes: number[] = [];
    for (let i = 2; i < raw.length; i += 2) bytes.push(Number.parseInt(raw.slice(i, i + 2), 16));
    return decodeBytes(bytes);
  }
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 0) end -= 1;
  return raw.slice(0, end);
}

/** "small_spender" → "Small Spender". */
export function trackDisplayName(name: string): string {
  return name
    .split(/[_\s]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/** The proposal origin that maps to a track: "system.Root" for root, else "Origins.SmallSpender". */
export function trackOrigin(name: string): string {
  if (name === 'root') return 'system.Root';
  return `Origins.${trackDisplayName(name).replace(/ /g, '')}`;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/^(origins|system)\./, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The track a user or an origin names: an id ("32", 32), a name in any case or spacing
 * ("small_spender", "Small Spender", "smallspender") or an origin ("Origins.SmallSpender").
 */
export function findTrack(tracks: readonly TrackInfo[], query: string | number): TrackInfo | undefined {
  if (typeof query === 'number') return tracks.find((t) => t.id === query);
  const text = query.trim();
  if (/^\d+$/.test(text)) return tracks.find((t) => t.id === Number(text));
  const key = normalise(text);
  if (key.length === 0) return undefined;
  return tracks.find((t) => normalise(t.name) === key);
}

export interface CurveSummary {
  type: Curve['type'];
  /** Threshold at the start and at the end of the decision period (Perbill). */
  atStart: number;
  atEnd: number;
}

export interface TrackSummary {
  id: number;
  name: string;
  displayName: string;
  origin: string;
  maxDeciding: number;
  decisionDeposit: bigint;
  preparePeriod: number;
  decisionPeriod: number;
  confirmPeriod: number;
  minEnactmentPeriod: number;
  minApproval: CurveSummary;
  minSupport: CurveSummary;
}

export function summariseCurve(curve: Curve): CurveSummary {
  return { type: curve.type, atStart: curveThreshold(curve, 0), atEnd: curveThreshold(curve, PERBILL_ONE) };
}

export function summariseTrack(track: TrackInfo): TrackSummary {
  const name = trackName(track.name);
  return {
    id: track.id,
    name,
    displayName: trackDisplayName(name),
    origin: trackOrigin(name),
    maxDeciding: track.maxDeciding,
    decisionDeposit: track.decisionDeposit,
    preparePeriod: track.preparePeriod,
    decisionPeriod: track.decisionPeriod,
    confirmPeriod: track.confirmPeriod,
    minEnactmentPeriod: track.minEnactmentPeriod,
    minApproval: summariseCurve(track.minApproval),
    minSupport: summariseCurve(track.minSupport),
  };
}
