export { type AlertRecordStoreOptions, createAlertRecordStore } from './alert-records.js';
export type * from './alert-records-types.js';
export { createDynamoStore, type DynamoStoreOptions } from './dynamo-store.js';
export { type EnsureTableResult, ensureTable } from './ensure-table.js';
export {
  CorruptDataError,
  InvalidInputError,
  RunStateError,
  StoreError,
  StoreUnavailableError,
  VersionConflictError,
} from './errors.js';
export { DEFAULT_TABLE_NAME, TABLE_SCHEMA, type TableSchema } from './schema.js';
export { createSubscriptionStore, type SubscriptionStoreOptions } from './subscriptions-store.js';
export type * from './subscriptions-types.js';
export type * from './types.js';
export { DynamoUpdateLedger, type DynamoUpdateLedgerOptions } from './update-ledger-dynamo.js';
export type * from './update-ledger-types.js';
export {
  createVersionDiffer,
  type EntityRef,
  type VersionDiff,
  type VersionDiffer,
  type VersionDifferOptions,
} from './version-diff.js';
