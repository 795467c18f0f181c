/** Why an address string was refused. Each code has one specific, user-readable message. */
export type AddressErrorCode =
  | 'empty'
  | 'bad-base58'
  | 'bad-hex'
  | 'bad-prefix'
  | 'bad-length'
  | 'bad-checksum'
  | 'bad-public-key';

export class AddressError extends Error {
  readonly code: AddressErrorCode;
  /** The input as given (trimmed), for echoing back to the user. */
  readonly input: string;

  constructor(code: AddressErrorCode, input: string, message: string) {
    super(message);
    this.name = 'AddressError';
    this.code = code;
    this.input = input;
  }
}

export function isAddressError(value: unknown): value is AddressError {
  return value instanceof AddressError;
}
