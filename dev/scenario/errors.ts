/** Errors the scenario generator raises for bad options, unknown storage items and unencodable values. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

/** A value did not fit the metadata type it was encoded as; `path` says where inside the value. */
export class ScenarioEncodeError extends ScenarioError {
  constructor(
    readonly typeId: number,
    readonly path: string,
    detail: string,
  ) {
    super(`cannot encode ${path || 'value'} as metadata type #${typeId}: ${detail}`);
  }
}

/** Seeding a running chain failed (connection, RPC error, or a rejected batch). */
export class SeedError extends ScenarioError {}
