/** Why an amount typed by a user could not be read. */
export type AmountErrorCode = 'empty' | 'not-a-number' | 'too-many-decimals' | 'negative';

export class AmountError extends Error {
  readonly code: AmountErrorCode;
  readonly input: string;

  constructor(code: AmountErrorCode, input: string, message: string) {
    super(message);
    this.name = 'AmountError';
    this.code = code;
    this.input = input;
  }
}
