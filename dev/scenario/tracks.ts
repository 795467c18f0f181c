/** The referenda tracks, decoded from the metadata's `Referenda.Tracks` constant into core `TrackInfo`. */
import type { Curve, TrackInfo } from '../../core/types/index.js';
import { ScenarioError } from './errors.js';
import type { StorageContext } from './storage-context.js';

type Json = Record<string, unknown>;

function curveOf(json: unknown, where: string): Curve {
  const obj = json as Json;
  const [kind] = Object.keys(obj);
  const v = obj[kind ?? ''] as Json | undefined;
  if (!v) throw new ScenarioError(`track curve ${where} is empty`);
  switch (kind) {
    case 'linearDecreasing':
      return {
        type: 'LinearDecreasing',
        length: Number(v.length),
        floor: Number(v.floor),
        ceil: Number(v.ceil),
      };
    case 'steppedDecreasing':
      return {
        type: 'SteppedDecreasing',
        begin: Number(v.begin),
        end: Number(v.end),
        step: Number(v.step),
        period: Number(v.period),
      };
    case 'reciprocal':
      return {
        type: 'Reciprocal',
        factor: BigInt(String(v.factor)),
        xOffset: BigInt(String(v.xOffset)),
        yOffset: BigInt(String(v.yOffset)),
      };
    default:
      throw new ScenarioError(`track curve ${where} has unknown kind ${String(kind)}`);
  }
}

/** Track names are zero-padded byte arrays; strip the padding. */
export function trackName(raw: Uint8Array): string {
  let end = raw.length;
  while (end > 0 && raw[end - 1] === 0) end--;
  return new TextDecoder().decode(raw.subarray(0, end));
}

export function decodeTracks(ctx: StorageContext): TrackInfo[] {
  const tracks = ctx.constant('Referenda', 'Tracks') as unknown as Array<
    [
      { toNumber(): number },
      Json & {
        name: { toU8a(bare: boolean): Uint8Array };
      },
    ]
  >;
  return tracks.map(([id, info]) => {
    const json = (info as unknown as { toJSON(): Json }).toJSON();
    return {
      id: id.toNumber(),
      name: trackName(info.name.toU8a(true)),
      maxDeciding: Number(json.maxDeciding),
      decisionDeposit: BigInt(
        String((info as unknown as { decisionDeposit: { toString(): string } }).decisionDeposit.toString()),
      ),
      preparePeriod: Number(json.preparePeriod),
      decisionPeriod: Number(json.decisionPeriod),
      confirmPeriod: Number(json.confirmPeriod),
      minEnactmentPeriod: Number(json.minEnactmentPeriod),
      minApproval: curveOf(json.minApproval, `${id.toNumber()}.minApproval`),
      minSupport: curveOf(json.minSupport, `${id.toNumber()}.minSupport`),
    };
  });
}
