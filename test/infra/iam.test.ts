import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../core/config/env-names.js';
import { secretParameterPrefix } from '../../infra/constructs/bot-secrets.js';
import { READ_ACTIONS, WRITE_ACTIONS } from '../../infra/constructs/herald-table.js';
import { CURSOR_KEY, deliveryKey, settingsKey } from '../../lambdas/store/alert-records/index.js';
import { indexItemKey, targetItemKey } from '../../lambdas/store/subscriptions/index.js';
import {
  BLOB_PK,
  blobKey,
  entityKey,
  META_KEY,
  manifestChunkKey,
  partKeys,
} from '../../lambdas/store/table/index.js';
import { TEST_SETTINGS } from './fixtures/settings.js';
import { synthHerald, type TestApp } from './synth.js';
import {
  actions,
  allowedOn,
  env,
  failedInvocationsQueue,
  functionId,
  referencedIds,
  resources,
  roleStatements,
  SERVICES,
  type Statement,
} from './template-queries.js';

let herald: TestApp;
let tableId: string;
let discordParameter: string;
let telegramParameter: string;

beforeAll(() => {
  herald = synthHerald();
  tableId = Object.keys(resources(herald.template, 'AWS::DynamoDB::Table'))[0]!;
  const prefix = secretParameterPrefix(herald.stack.stackName);
  discordParameter = `${prefix}/discord`;
  telegramParameter = `${prefix}/telegram`;
});

const failedInvocations = () => failedInvocationsQueue(herald.template);

/** An ARN from the template as text, with its pseudo parameters as `${AWS::…}`. */
function arnText(value: unknown): string {
  if (typeof value === 'string') return value;
  const o = (value ?? {}) as Record<string, unknown>;
  if (typeof o.Ref === 'string') return `\${${o.Ref}}`;
  const join = o['Fn::Join'] as [string, unknown[]] | undefined;
  if (join) return join[1].map(arnText).join(join[0]);
  throw new Error(`not an ARN built from strings and pseudo parameters: ${JSON.stringify(value)}`);
}

function parameterArn(name: string): string {
  return `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${name}`;
}

/** Every Parameter Store action the statements allow, with the ARN it applies to. */
function ssmGrants(statements: Statement[]): string[] {
  return statements
    .filter((s) => actions(s).some((a) => a.startsWith('ssm:')))
    .flatMap((s) => {
      expect(s.Effect).toBe('Allow');
      expect(s.Condition).toBeUndefined();
      const arns = (Array.isArray(s.Resource) ? s.Resource : [s.Resource]).map(arnText);
      return actions(s).flatMap((a) => arns.map((arn) => `${a} ${arn}`));
    });
}

function glob(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replaceAll('*', '.*').replaceAll('?', '.')}$`);
}

/** IAM evaluation of one table write with one partition key: an explicit deny wins over allows. */
function mayWrite(statements: Statement[], action: string, pk: string): boolean {
  const applies = (s: Statement) => {
    if (!actions(s).includes(action) || !referencedIds(s.Resource).includes(tableId)) return false;
    if (!s.Condition) return true;
    const like = s.Condition['ForAnyValue:StringLike']?.['dynamodb:LeadingKeys'];
    if (!Array.isArray(like) || Object.keys(s.Condition).length !== 1)
      throw new Error(`unexpected condition ${JSON.stringify(s.Condition)}`);
    return like.some((p) => glob(String(p)).test(pk));
  };
  const relevant = statements.filter(applies);
  return relevant.some((s) => s.Effect === 'Allow') && !relevant.some((s) => s.Effect === 'Deny');
}

const SNAPSHOT_KEYS = [
  META_KEY.pk,
  'VERSION',
  manifestChunkKey(7, 3).pk,
  'JOURNAL',
  BLOB_PK,
  blobKey('era-archive/9000').pk,
  entityKey('account', 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F', 12).pk,
  partKeys(entityKey('validator', 'x', 3).pk, 'V#3', 2)[0]!.pk,
];
const CHAT = { platform: 'telegram', kind: 'chat', id: '-100123' } as const;
/** Keys of the items bots and the alert engine write: subscriptions, alert records, update ledger. */
const BOT_KEYS = [
  targetItemKey(CHAT).pk,
  indexItemKey({ kind: 'referenda', track: null }, CHAT).pk,
  deliveryKey(CHAT, 'ref:123:approved').pk,
  settingsKey(CHAT).pk,
  CURSOR_KEY.pk,
  'TGUPD#123456#42',
];
/** The functions that write their own items: the Discord follow-up only reads. */
const WRITERS = [SERVICES.telegram, SERVICES.interactions, SERVICES.detector, SERVICES.dispatcher];

describe('least privilege', () => {
  it('lets the snapshot Lambda write every snapshot item', () => {
    const statements = roleStatements(herald.template, SERVICES.snapshot);
    for (const action of WRITE_ACTIONS)
      for (const pk of SNAPSHOT_KEYS) expect(mayWrite(statements, action, pk), `${action} ${pk}`).toBe(true);
  });

  it('never lets a bot or the alert engine write a snapshot item, but lets them write their own', () => {
    for (const service of WRITERS) {
      const statements = roleStatements(herald.template, service);
      for (const action of WRITE_ACTIONS) {
        for (const pk of SNAPSHOT_KEYS)
          expect(mayWrite(statements, action, pk), `${service} ${action} ${pk}`).toBe(false);
        for (const pk of BOT_KEYS)
          expect(mayWrite(statements, action, pk), `${service} ${action} ${pk}`).toBe(true);
      }
    }
  });

  it('lets every function read the table, and sets the table name with the grant', () => {
    for (const service of Object.values(SERVICES)) {
      const allowed = allowedOn(roleStatements(herald.template, service), tableId);
      expect(allowed).toEqual(
        expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']),
      );
      expect(allowed).not.toContain('dynamodb:Scan');
      expect(env(herald.template, service)[ENV.tableName]).toEqual({ Ref: tableId });
    }
  });

  it('lets the Discord follow-up read the table and write nothing: it only answers read-only commands', () => {
    const statements = roleStatements(herald.template, SERVICES.followup);
    expect(allowedOn(statements, tableId).sort()).toEqual([...READ_ACTIONS].sort());
    for (const action of WRITE_ACTIONS)
      for (const pk of [...BOT_KEYS, ...SNAPSHOT_KEYS])
        expect(mayWrite(statements, action, pk), `${action} ${pk}`).toBe(false);
  });

  it('lets the alert detector read the bot tokens it posts and edits the live referendum cards with', () => {
    const vars = JSON.stringify(env(herald.template, SERVICES.detector));
    expect(vars).toContain(discordParameter);
    expect(vars).toContain(telegramParameter);
  });

  it('keeps the snapshot Lambda away from every secret', () => {
    for (const service of [SERVICES.snapshot]) {
      const statements = roleStatements(herald.template, service);
      expect(
        statements
          .flatMap(actions)
          .filter((a) => a.startsWith('ssm:') || a.startsWith('secretsmanager:') || a.startsWith('kms:')),
        service,
      ).toEqual([]);
      const vars = JSON.stringify(env(herald.template, service));
      expect(vars, service).not.toContain(discordParameter);
      expect(vars, service).not.toContain(telegramParameter);
    }
  });

  it('lets each function send to and consume only the queues its part of the flow needs', () => {
    const queues = {
      dispatch: (env(herald.template, SERVICES.detector)[ENV.alertDispatchQueueUrl] as { Ref: string }).Ref,
      failed: failedInvocations(),
    };
    expect(new Set(Object.values(queues)).size).toBe(2);
    // The functions invoked asynchronously send their failed invocations to the dead-letter queue.
    const expected: Record<string, Record<keyof typeof queues, string>> = {
      [SERVICES.snapshot]: { dispatch: '', failed: 'send' },
      [SERVICES.detector]: { dispatch: 'send', failed: 'send' },
      [SERVICES.dispatcher]: { dispatch: 'send+consume', failed: '' },
      [SERVICES.telegram]: { dispatch: '', failed: '' },
      [SERVICES.interactions]: { dispatch: '', failed: '' },
      [SERVICES.followup]: { dispatch: '', failed: 'send' },
    };
    expect(Object.keys(expected).sort()).toEqual(Object.values(SERVICES).sort());
    for (const [service, byQueue] of Object.entries(expected)) {
      const statements = roleStatements(herald.template, service);
      for (const [queue, id] of Object.entries(queues) as Array<[keyof typeof queues, string]>) {
        const allowed = allowedOn(statements, id);
        const may = [
          allowed.includes('sqs:SendMessage') && 'send',
          allowed.includes('sqs:ReceiveMessage') && allowed.includes('sqs:DeleteMessage') && 'consume',
        ].filter(Boolean);
        expect(may.join('+'), `${service} on the ${queue} queue`).toBe(byQueue[queue]);
      }
    }
  });

  it('lets the snapshot invoke only the detector, the interactions endpoint only the follow-up, no one else any', () => {
    const id = (service: string) => functionId(herald.template, service);
    const expected: Record<string, string[]> = {
      [SERVICES.snapshot]: [id(SERVICES.detector)],
      [SERVICES.interactions]: [id(SERVICES.followup)],
    };
    for (const service of Object.values(SERVICES)) {
      const invokes = roleStatements(herald.template, service).filter((s) =>
        actions(s).includes('lambda:InvokeFunction'),
      );
      expect([...new Set(invokes.flatMap((s) => referencedIds(s.Resource)))].sort(), service).toEqual(
        expected[service] ?? [],
      );
    }
  });

  it('lets each bot get exactly its own platform parameters, and sets the reference to each', () => {
    const expected: Record<string, Array<[string, string, string]>> = {
      [SERVICES.telegram]: [
        [telegramParameter, ENV.telegramBotTokenSecret, 'botToken'],
        [telegramParameter, ENV.telegramWebhookSecretSecret, 'webhookSecret'],
      ],
      // The public key is a setting, not a secret: the public endpoint never reads the bot token.
      [SERVICES.interactions]: [],
      [SERVICES.followup]: [],
      // The detector posts and edits the live referendum cards after each detection.
      [SERVICES.detector]: [
        [discordParameter, ENV.discordBotTokenSecret, 'botToken'],
        [telegramParameter, ENV.telegramBotTokenSecret, 'botToken'],
      ],
      [SERVICES.dispatcher]: [
        [discordParameter, ENV.discordBotTokenSecret, 'botToken'],
        [telegramParameter, ENV.telegramBotTokenSecret, 'botToken'],
      ],
    };
    expect(Object.keys(expected).sort()).toEqual(
      Object.values(SERVICES)
        .filter((s) => s !== SERVICES.snapshot)
        .sort(),
    );
    for (const [service, refs] of Object.entries(expected)) {
      const grants = [...new Set(ssmGrants(roleStatements(herald.template, service)))].sort();
      const names = [...new Set(refs.map(([name]) => name))];
      expect(grants, service).toEqual(names.map((name) => `ssm:GetParameter ${parameterArn(name)}`).sort());
      const vars = env(herald.template, service);
      const withRefs = Object.entries(vars)
        .filter(([, v]) => [discordParameter, telegramParameter].some((n) => JSON.stringify(v).includes(n)))
        .map(([name]) => name);
      expect(withRefs.sort(), service).toEqual(refs.map(([, name]) => name).sort());
      for (const [parameter, name, field] of refs)
        expect(vars[name], `${service} ${name}`).toBe(`${parameter}#${field}`);
    }
  });

  it('gives the Discord interactions endpoint its public key as a plain setting, and no secret', () => {
    expect(env(herald.template, SERVICES.interactions)[ENV.discordPublicKey]).toBe(
      TEST_SETTINGS['herald:discordPublicKey'],
    );
    const statements = roleStatements(herald.template, SERVICES.interactions);
    expect(
      statements
        .flatMap(actions)
        .filter((a) => a.startsWith('ssm:') || a.startsWith('secretsmanager:') || a.startsWith('kms:')),
    ).toEqual([]);
    for (const service of Object.values(SERVICES).filter((s) => s !== SERVICES.interactions))
      expect(env(herald.template, service)[ENV.discordPublicKey], service).toBeUndefined();
  });

  it('grants no Secrets Manager or KMS action to any role', () => {
    const statements = [
      ...Object.values(resources(herald.template, 'AWS::IAM::Policy')).flatMap(
        (p) => p.Properties.PolicyDocument.Statement as Statement[],
      ),
      ...Object.values(resources(herald.template, 'AWS::IAM::Role')).flatMap((r) =>
        ((r.Properties.Policies ?? []) as Array<{ PolicyDocument: { Statement: Statement[] } }>).flatMap(
          (p) => p.PolicyDocument.Statement,
        ),
      ),
    ];
    expect(statements.length).toBeGreaterThan(10);
    expect(
      statements.flatMap(actions).filter((a) => a.startsWith('secretsmanager:') || a.startsWith('kms:')),
    ).toEqual([]);
  });

  it('uses no wildcard action and no managed policy on any role', () => {
    for (const [id, role] of Object.entries(resources(herald.template, 'AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    }
    for (const policy of Object.values(resources(herald.template, 'AWS::IAM::Policy'))) {
      for (const s of policy.Properties.PolicyDocument.Statement as Statement[])
        for (const a of actions(s)) expect(a).not.toMatch(/\*/);
    }
  });

  it('lets each scheduler role invoke only its own Lambda and dead-letter only into that one’s queue', () => {
    const snapshotId = functionId(herald.template, SERVICES.snapshot);
    const detectorId = functionId(herald.template, SERVICES.detector);
    const expected: Record<string, { invoke: string; deadLetters: string }> = {
      // Each schedule has a role of its own; both dead-letter into the failed invocations' queue.
      [snapshotId]: { invoke: snapshotId, deadLetters: failedInvocations() },
      [detectorId]: { invoke: detectorId, deadLetters: failedInvocations() },
    };
    const schedules = Object.values(resources(herald.template, 'AWS::Scheduler::Schedule'));
    expect(schedules.map((s) => s.Properties.Target.Arn['Fn::GetAtt'][0]).sort()).toEqual(
      Object.keys(expected).sort(),
    );
    const roleIds = schedules.map((s) => s.Properties.Target.RoleArn['Fn::GetAtt'][0] as string);
    expect(new Set(roleIds).size).toBe(schedules.length);
    for (const schedule of schedules) {
      const target = schedule.Properties.Target;
      const want = expected[target.Arn['Fn::GetAtt'][0]]!;
      expect(target.DeadLetterConfig.Arn['Fn::GetAtt'][0]).toBe(want.deadLetters);
      const roleId = target.RoleArn['Fn::GetAtt'][0];
      const role = resources(herald.template)[roleId]!;
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        expect.objectContaining({
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        }),
      ]);
      expect(role.Properties.Policies).toBeUndefined();
      const statements = Object.values(resources(herald.template, 'AWS::IAM::Policy'))
        .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
        .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
      const on = (action: string) =>
        [
          ...new Set(
            statements.filter((s) => actions(s).includes(action)).flatMap((s) => referencedIds(s.Resource)),
          ),
        ].sort();
      expect(statements.flatMap(actions).sort(), roleId).toEqual([
        'lambda:InvokeFunction',
        'sqs:SendMessage',
      ]);
      expect(on('lambda:InvokeFunction'), roleId).toEqual([want.invoke]);
      expect(on('sqs:SendMessage'), roleId).toEqual([want.deadLetters]);
    }
  });
});
