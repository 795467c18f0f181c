/** Domain errors of the snapshot store. SDK errors never leave the store unwrapped. */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input from the caller: a malformed entity, a non-serialisable value, a bad blob key. */
export class InvalidInputError extends StoreError {}

/** The run lost the race for the pointer: a newer run started or committed first. */
export class VersionConflictError extends StoreError {
  constructor(
    readonly version: number,
    readonly pointer: number | null,
    readonly newestStarted: number,
  ) {
    super(
      `version ${version} lost: pointer is at ${pointer ?? 'none'} and the newest started version is ${newestStarted}`,
    );
  }
}

/** DynamoDB could not be reached, throttled us past our retries, or the table is missing. */
export class StoreUnavailableError extends StoreError {}

/** An item in the table does not decode: written by something other than this store, or damaged. */
export class CorruptDataError extends StoreError {}

/** The run object was used out of order: after commit or abort, after a failed write, or past its deadline. */
export class RunStateError extends StoreError {}
