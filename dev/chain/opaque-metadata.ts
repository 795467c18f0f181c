/** The SCALE framing of metadata as runtime calls return it. */
import { compactToU8a, hexToU8a, u8aConcat } from '@polkadot/util';

/** `Option<OpaqueMetadata>` as `Metadata_metadata_at_version` returns it: 0x01 ++ compact(len) ++ bytes. */
export function wrapOpaqueMetadata(bytes: Uint8Array): Uint8Array {
  return u8aConcat(new Uint8Array([1]), compactToU8a(bytes.length), bytes);
}

/** The hex is an `Option<OpaqueMetadata>`: 0x01, a compact length, then the metadata bytes. */
export function unwrapOpaqueMetadata(optionHex: string): Uint8Array {
  const bytes = hexToU8a(optionHex);
  if (bytes[0] !== 1) throw new Error('metadata blob is not Some(OpaqueMetadata)');
  const mode = bytes[1]! & 0b11;
  let offset: number;
  let length: number;
  if (mode === 0) {
    length = bytes[1]! >> 2;
    offset = 2;
  } else if (mode === 1) {
    length = (bytes[1]! | (bytes[2]! << 8)) >> 2;
    offset = 3;
  } else if (mode === 2) {
    length = (bytes[1]! | (bytes[2]! << 8) | (bytes[3]! << 16) | (bytes[4]! << 24)) >>> 2;
    offset = 5;
  } else {
    throw new Error('metadata length prefix uses the big-integer compact mode, which is not expected');
  }
  if (offset + length !== bytes.length) {
    throw new Error(`metadata length prefix says ${length} bytes, blob has ${bytes.length - offset}`);
  }
  return bytes.subarray(offset);
}
