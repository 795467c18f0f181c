/** Small queries over a synthesized template: functions by service name, their roles' statements. */
import type { Template } from 'aws-cdk-lib/assertions';

/** CloudFormation JSON is untyped; the tests index into it and assert on what they find. */
// biome-ignore lint/suspicious/noExplicitAny: synthesized template JSON has no static type
export type CfnJson = any;

export interface Resource {
  Type: string;
  Properties: Record<string, CfnJson>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export const SERVICES = {
  snapshot: 'herald-snapshot',
  telegram: 'herald-telegram',
  interactions: 'herald-discord',
  followup: 'herald-discord-followup',
  detector: 'herald-alert-detector',
  dispatcher: 'herald-alert-dispatcher',
} as const;

export function resources(template: Template, type?: string): Record<string, Resource> {
  const all = template.toJSON().Resources as Record<string, Resource>;
  if (!type) return all;
  return Object.fromEntries(Object.entries(all).filter(([, r]) => r.Type === type));
}

/** Logical id of the function whose Powertools service name is `service`. */
export function functionId(template: Template, service: string): string {
  const found = Object.entries(resources(template, 'AWS::Lambda::Function')).filter(
    ([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service,
  );
  if (found.length !== 1) throw new Error(`expected one function for ${service}, found ${found.length}`);
  return found[0]![0];
}

export function functionProps(template: Template, service: string): Record<string, CfnJson> {
  return resources(template)[functionId(template, service)]!.Properties;
}

export function env(template: Template, service: string): Record<string, unknown> {
  return functionProps(template, service).Environment.Variables;
}

/** Every statement of every inline policy attached to the function's role. */
export function roleStatements(template: Template, service: string): Statement[] {
  const roleId = functionProps(template, service).Role['Fn::GetAtt'][0] as string;
  const role = resources(template)[roleId]!;
  const out: Statement[] = [];
  for (const policy of role.Properties.Policies ?? []) out.push(...policy.PolicyDocument.Statement);
  for (const policy of Object.values(resources(template, 'AWS::IAM::Policy'))) {
    const roles = (policy.Properties.Roles ?? []) as Array<{ Ref?: string }>;
    if (roles.some((r) => r.Ref === roleId)) out.push(...policy.Properties.PolicyDocument.Statement);
  }
  return out;
}

export function actions(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** Logical ids a value refers to through Ref or Fn::GetAtt, anywhere inside it. */
export function referencedIds(value: unknown): string[] {
  const ids: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.Ref === 'string') ids.push(o.Ref);
      if (Array.isArray(o['Fn::GetAtt'])) ids.push(String(o['Fn::GetAtt'][0]));
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return ids;
}

/** What the function may do with the resource, allowing statements only (unconditional). */
export function allowedOn(statements: Statement[], resourceId: string): string[] {
  return statements
    .filter((s) => s.Effect === 'Allow' && referencedIds(s.Resource).includes(resourceId))
    .flatMap(actions);
}

/** The dead-letter queue of failed asynchronous invocations: the snapshot's on-failure destination. */
export function failedInvocationsQueue(template: Template): string {
  const snapshotId = functionId(template, SERVICES.snapshot);
  const config = Object.values(resources(template, 'AWS::Lambda::EventInvokeConfig')).find(
    (c) => c.Properties.FunctionName.Ref === snapshotId,
  );
  if (!config) throw new Error('the snapshot Lambda has no asynchronous invocation config');
  return config.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
}
