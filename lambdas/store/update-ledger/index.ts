/** The update ledger in the table: which bot updates were handled. */
export { DynamoUpdateLedger, type DynamoUpdateLedgerOptions } from './dynamo-ledger.js';
