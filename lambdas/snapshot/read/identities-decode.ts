/**
 * People chain identity values, decoded through the pinned block's metadata: `Identity.IdentityOf`
 * (a `Registration`, or `(Registration, Option<Username>)` in older runtimes) and `Identity.SuperOf`
 * ((parent, `Data`)). Only the display and the judgements are kept; `Data` other than `Raw` (a hash)
 * has no text.
 */
import type { Judgement } from '../../../core/identity/identity-types.js';
import type { StoredIdentity, StoredSub } from '../../../core/identity/resolve.js';
import { accountFromBytes } from '../scale/reader.js';
import type { MetadataCodec } from './metadata-codec.js';

interface DataCodec {
  isRaw: boolean;
  asRaw: { toU8a(bare: boolean): Uint8Array };
}

interface RegistrationCodec {
  judgements: Array<[unknown, { type: string }]>;
  info: { display: DataCodec };
}

const JUDGEMENTS = new Set<Judgement>([
  'Unknown',
  'FeePaid',
  'Reasonable',
  'KnownGood',
  'OutOfDate',
  'LowQuality',
  'Erroneous',
]);

const utf8 = new TextDecoder('utf-8');

/** The text of a `Data` value: `Raw` bytes as UTF-8 (invalid bytes become U+FFFD), else null. */
export function dataText(data: DataCodec): string | null {
  if (!data.isRaw) return null;
  return utf8.decode(data.asRaw.toU8a(true));
}

export function decodeIdentity(codec: MetadataCodec, hex: string): StoredIdentity {
  const value = codec.decode('Identity', 'IdentityOf', hex) as unknown;
  // Before the username split the value was a tuple (Registration, Option<Username>).
  const reg = (Array.isArray(value) ? value[0] : value) as RegistrationCodec;
  const judgements = reg.judgements.map(([, j]) => j.type as Judgement).filter((j) => JUDGEMENTS.has(j));
  return { display: dataText(reg.info.display), judgements };
}

export function decodeSuper(codec: MetadataCodec, hex: string): StoredSub {
  const [parent, data] = codec.decode('Identity', 'SuperOf', hex) as unknown as [
    { toU8a(): Uint8Array },
    DataCodec,
  ];
  return { parent: accountFromBytes(parent.toU8a()), name: dataText(data) };
}
