/** The table layer every store shares: the schema, creating the table, batched and retried item I/O, the value codec, the key layout and the errors. */

export { type CapacityKind, CapacityMeter, type CapacityTotals, meterCapacity } from './capacity-meter.js';
export {
  contentHash,
  fromCanonicalJson,
  type Packed,
  packBytes,
  packedSize,
  packText,
  partCount,
  toCanonicalJson,
  unpackBytes,
} from './codec.js';
export { type EnsureTableResult, ensureTable } from './ensure-table.js';
export {
  CorruptDataError,
  InvalidInputError,
  RunStateError,
  StoreError,
  StoreUnavailableError,
  VersionConflictError,
} from './errors.js';
export {
  BLOB_PK,
  blobKey,
  blobNameFromSk,
  blobPartBase,
  entityKey,
  entityPk,
  type ItemKey,
  JOURNAL_PK,
  journalKey,
  keyString,
  META_KEY,
  manifestChunkKey,
  partKeys,
  versionFromSk,
  versionRecordKey,
  versionSk,
} from './keys.js';
export {
  DEFAULT_TABLE_NAME,
  KIND_PATTERN,
  MAX_ID_BYTES,
  MAX_PART_BYTES,
  TABLE_SCHEMA,
  type TableSchema,
} from './schema.js';
export { type Condition, type Item, runPool, TableIo, WriteTally } from './table-io.js';
