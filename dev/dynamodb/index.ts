export { localDynamoClient } from './client.js';
export { type DynaliteOptions, type RunningDynamo, startDynalite } from './dynalite.js';
export {
  DDB_LOCAL_PACKAGE,
  DDB_LOCAL_VERSION,
  ensureDynamoDbLocal,
  freePort,
  type RunningDynamoDbLocal,
  startDynamoDbLocal,
} from './dynamodb-local.js';
