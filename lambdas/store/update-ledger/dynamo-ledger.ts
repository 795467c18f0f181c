/**
 * The update ledger in the Herald table, shared by every Lambda container: one item per update,
 * claimed with a conditional put and kept for a week (Telegram redelivers for at most a day).
 *
 *   TGUPD#<bot id>#<update id> / U    st = processing | done, lease (ms), exp (TTL, s)
 */
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { type ClaimResult, DEFAULT_LEASE_MS, type UpdateLedger } from '../../../core/ports/update-ledger.js';

const KEEP_SECONDS = 7 * 24 * 3600;

export interface DynamoUpdateLedgerOptions {
  client: DynamoDBClient;
  tableName: string;
  /** The number before ":" in the bot token, so two bots can share a table. */
  botId: string;
  leaseMs?: number;
  clock?: () => number;
}

export class DynamoUpdateLedger implements UpdateLedger {
  private readonly leaseMs: number;
  private readonly clock: () => number;

  constructor(private readonly options: DynamoUpdateLedgerOptions) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.clock = options.clock ?? Date.now;
  }

  private key(updateId: number) {
    return { pk: { S: `TGUPD#${this.options.botId}#${updateId}` }, sk: { S: 'U' } };
  }

  async claim(updateId: number): Promise<ClaimResult> {
    const now = this.clock();
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: {
            ...this.key(updateId),
            st: { S: 'processing' },
            lease: { N: String(now + this.leaseMs) },
            exp: { N: String(Math.floor(now / 1000) + KEEP_SECONDS) },
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (st = :p AND lease < :now)',
          ExpressionAttributeValues: { ':p': { S: 'processing' }, ':now': { N: String(now) } },
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const existing = await this.options.client.send(
      new GetItemCommand({
        TableName: this.options.tableName,
        Key: this.key(updateId),
        ConsistentRead: true,
      }),
    );
    return existing.Item?.st?.S === 'done' ? 'done' : 'in-progress';
  }

  async complete(updateId: number): Promise<void> {
    await this.options.client.send(
      new UpdateItemCommand({
        TableName: this.options.tableName,
        Key: this.key(updateId),
        UpdateExpression: 'SET st = :d, exp = if_not_exists(exp, :exp) REMOVE lease',
        ExpressionAttributeValues: {
          ':d': { S: 'done' },
          ':exp': { N: String(Math.floor(this.clock() / 1000) + KEEP_SECONDS) },
        },
      }),
    );
  }

  async release(updateId: number): Promise<void> {
    try {
      await this.options.client.send(
        new DeleteItemCommand({
          TableName: this.options.tableName,
          Key: this.key(updateId),
          ConditionExpression: 'st = :p',
          ExpressionAttributeValues: { ':p': { S: 'processing' } },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
