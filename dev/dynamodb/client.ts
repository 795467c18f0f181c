/** A DynamoDB client for a local emulator: fixed dummy credentials, short timeouts, few retries. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export function localDynamoClient(endpoint: string, maxAttempts = 3): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 60_000 },
  });
}
