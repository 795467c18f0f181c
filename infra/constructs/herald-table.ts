/**
 * The Herald table, built from the store's TABLE_SCHEMA: on-demand, point-in-time recovery, TTL,
 * retained when the stack is deleted. Each grant sets the IAM statements and the table-name
 * variable together. Bots may write their own items but never a snapshot item: an explicit deny on
 * the snapshot partition keys (`dynamodb:LeadingKeys`) wins over any allow.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ENV } from '../../core/config/env-names.js';
import {
  BLOB_PK,
  entityPk,
  JOURNAL_PK,
  META_KEY,
  manifestChunkKey,
  partKeys,
  TABLE_SCHEMA,
  versionRecordKey,
} from '../../lambdas/store/table/index.js';
import { InfraConfigError } from '../errors.js';

export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
export const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

/** Partition keys (IAM string patterns) of every item the snapshot store writes. */
export function snapshotKeyPatterns(): string[] {
  const prefixOf = (pk: string, marker: string) => `${pk.slice(0, pk.indexOf(marker))}*`;
  return [
    META_KEY.pk,
    versionRecordKey(1).pk,
    manifestChunkKey(1, 0).pk,
    JOURNAL_PK,
    BLOB_PK,
    prefixOf(entityPk('kind', 'id'), 'kind'),
    prefixOf(partKeys('HEAD', 'base', 2)[0]!.pk, 'HEAD'),
  ];
}

function attributeType(type: string): AttributeType {
  if (type === 'S') return AttributeType.STRING;
  if (type === 'N') return AttributeType.NUMBER;
  if (type === 'B') return AttributeType.BINARY;
  throw new InfraConfigError(`TABLE_SCHEMA key type "${type}" is not S, N or B`);
}

export class HeraldTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    if (TABLE_SCHEMA.billingMode !== 'PAY_PER_REQUEST')
      throw new InfraConfigError('the stack builds an on-demand table; TABLE_SCHEMA says otherwise');
    this.table = new Table(this, 'Table', {
      partitionKey: {
        name: TABLE_SCHEMA.partitionKey.name,
        type: attributeType(TABLE_SCHEMA.partitionKey.type),
      },
      sortKey: { name: TABLE_SCHEMA.sortKey.name, type: attributeType(TABLE_SCHEMA.sortKey.type) },
      timeToLiveAttribute: TABLE_SCHEMA.ttlAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  private allow(fn: lambda.Function, actions: string[]): void {
    fn.addToRolePolicy(new PolicyStatement({ actions, resources: [this.table.tableArn] }));
    fn.addEnvironment(ENV.tableName, this.table.tableName);
  }

  /** Bots and the alert engine: read snapshots and everything else. */
  grantRead(fn: lambda.Function): void {
    this.allow(fn, READ_ACTIONS);
  }

  /** The snapshot Lambda: read and write every item (versions, entities, blobs, TTL marks). */
  grantSnapshotWrite(fn: lambda.Function): void {
    this.allow(fn, [...READ_ACTIONS, ...WRITE_ACTIONS]);
  }

  /** Bots and the alert engine: read everything, write their own items, never a snapshot item. */
  grantBotWrite(fn: lambda.Function): void {
    this.allow(fn, [...READ_ACTIONS, ...WRITE_ACTIONS]);
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        actions: WRITE_ACTIONS,
        resources: [this.table.tableArn],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': snapshotKeyPatterns() } },
      }),
    );
  }
}
