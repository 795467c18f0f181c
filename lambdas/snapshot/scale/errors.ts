/** A storage value or key did not decode as the metadata says it should. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}
