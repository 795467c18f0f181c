export { type AlertRecordStoreOptions, createAlertRecordStore } from './alert-records.js';
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
export { DynamoUpdateLedger, type DynamoUpdateLedgerOptions } from './update-ledger-dynamo.js';
export { createVersionDiffer, type VersionDifferOptions } from './version-diff.js';
