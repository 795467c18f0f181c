/**
 * The bot secrets: one SSM Parameter Store SecureString per platform holding a JSON object
 * (standard tier, encrypted with the AWS managed key `aws/ssm`: no monthly cost). CloudFormation
 * cannot create SecureString parameters, so the operator creates them (README, Deploy to AWS §2)
 * and the stack only names them. Each grant allows `ssm:GetParameter` on that one parameter and
 * sets the `<name>#<field>` reference the handlers resolve once per cold start. No KMS permission:
 * the `aws/ssm` key policy already lets principals of the account decrypt through Parameter Store.
 * A grant gives the whole parameter, so a parameter holds only what every function granted it may
 * read: the Discord public key, which is no secret, is a setting (`herald:discordPublicKey`) instead,
 * and the public interactions endpoint reads no parameter at all.
 */
import { ArnFormat, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ENV, type EnvName } from '../../core/config/env-names.js';
import { InfraConfigError } from '../errors.js';

/** Fields of each parameter's JSON, as `aws ssm put-parameter` must write them. */
export const SECRET_FIELDS = {
  discord: ['botToken'],
  telegram: ['botToken', 'webhookSecret'],
} as const;

export type SecretPlatform = keyof typeof SECRET_FIELDS;

/** Where a stack's parameters live: `/herald/<stack name>/discord` and `…/telegram`. */
export function secretParameterPrefix(stackName: string): string {
  return `/herald/${stackName}`;
}

export class BotSecrets extends Construct {
  /** Parameter names, as the README's `put-parameter` commands use them. */
  readonly names: Record<SecretPlatform, string>;
  private readonly arns: Record<SecretPlatform, string>;

  constructor(scope: Construct, id: string, props: { namePrefix: string }) {
    super(scope, id);
    const prefix = props.namePrefix;
    // Parameter Store: a hierarchical name starts with "/", and none may begin with aws or ssm.
    if (!/^(\/[A-Za-z0-9_.-]+)+$/.test(prefix) || /^\/(aws|ssm)/i.test(prefix))
      throw new InfraConfigError(`"${prefix}" is not a Parameter Store path (/a/b, not under /aws or /ssm)`);
    this.names = { discord: `${prefix}/discord`, telegram: `${prefix}/telegram` };
    const arn = (name: string) =>
      Stack.of(this).formatArn({
        service: 'ssm',
        resource: 'parameter',
        // The ARN of "/a/b" is "…:parameter/a/b": the name's own slash separates it.
        resourceName: name.slice(1),
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });
    this.arns = { discord: arn(this.names.discord), telegram: arn(this.names.telegram) };
  }

  private grant(fn: lambda.Function, platform: SecretPlatform, field: string, env: EnvName): void {
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['ssm:GetParameter'], resources: [this.arns[platform]] }),
    );
    fn.addEnvironment(env, `${this.names[platform]}#${field}`);
  }

  /** Only for functions that send as the Discord bot (the alert dispatcher). */
  grantDiscordBotToken(fn: lambda.Function): void {
    this.grant(fn, 'discord', 'botToken', ENV.discordBotTokenSecret);
  }

  grantTelegramBotToken(fn: lambda.Function): void {
    this.grant(fn, 'telegram', 'botToken', ENV.telegramBotTokenSecret);
  }

  grantTelegramWebhookSecret(fn: lambda.Function): void {
    this.grant(fn, 'telegram', 'webhookSecret', ENV.telegramWebhookSecretSecret);
  }
}
