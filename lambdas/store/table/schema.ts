/**
 * The one definition of the Herald table. The store, the local emulators and the CDK stack all
 * build the table from this object, so key names and types are written down only here.
 */
export const TABLE_SCHEMA = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  /** Epoch seconds; AWS deletes items some time after this instant. Emulators ignore it. */
  ttlAttribute: 'exp',
  billingMode: 'PAY_PER_REQUEST',
} as const;

export type TableSchema = typeof TABLE_SCHEMA;

/** Default table name when none is configured. */
export const DEFAULT_TABLE_NAME = 'herald';

/** DynamoDB's hard item size limit is 400 KB including attribute names; stay well below it. */
export const MAX_PART_BYTES = 300_000;

/** Payloads larger than this are deflated before storage. */
export const COMPRESS_MIN_BYTES = 1_024;

/** Upper bound on one entity's or blob's encoded size (parts are fetched with one BatchGetItem). */
export const MAX_VALUE_BYTES = 90 * MAX_PART_BYTES;

/** Kinds are short lowercase words; ids are any non-empty string up to this many UTF-8 bytes. */
export const KIND_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;
export const MAX_ID_BYTES = 512;
